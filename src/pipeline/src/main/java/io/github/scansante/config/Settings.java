package io.github.scansante.config;

import java.util.Map;

/**
 * Every tunable of application.properties, typed and checked, grouped by concern. Built from
 * Camel's properties resolver, the same one whether Camel runs ({@link SettingsSource#of}) or not
 * ({@link SettingsSource#standalone}), so that every command sees the same values.
 */
public record Settings(SiteSettings site, PolitenessSettings politeness, RetrySettings retry, CircuitSettings circuit,
    PageSettings page, PlanSettings plan, OutputSettings output, StopSettings stop, DatabaseSettings database,
    ScheduleSettings schedule, DemoSettings demo, EconomySettings economy) {

  /** Reads and checks every key; the first bad value is an {@link InvalidSettingException}. */
  public static Settings read(PropertyValues values) {
    return new Settings(SiteSettings.read(values), PolitenessSettings.read(values), RetrySettings.read(values),
        CircuitSettings.read(values), PageSettings.read(values), PlanSettings.read(values), OutputSettings.read(values),
        StopSettings.read(values), DatabaseSettings.read(values), ScheduleSettings.read(values), DemoSettings.read(values),
        EconomySettings.read(values));
  }

  /** The settings of a command that runs without Camel, with the command line's overrides on top. */
  public static Settings standalone(Map<String, String> overrides) {
    return read(SettingsSource.standalone(overrides));
  }

  /**
   * Before sending requests: a delay under the polite one for a site that is not on this machine
   * needs the user's explicit confirmation ({@code throttle.unsafe-delay}).
   */
  public void checkPoliteness() {
    politeness.checkFor(site);
  }
}
