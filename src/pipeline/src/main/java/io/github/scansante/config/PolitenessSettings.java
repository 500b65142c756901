package io.github.scansante.config;

import io.github.scansante.text.UserText;

/**
 * How often we may ask the site.
 *
 * @param periodMs minimum time between the starts of two requests
 * @param disabled requests back to back (a local replica or mirror only)
 * @param unsafeDelay the user confirmed a period under {@link #POLITE_PERIOD_MS} for a site that is not on loopback
 */
public record PolitenessSettings(long periodMs, boolean disabled, boolean unsafeDelay) {

  /** One request every 2 s: what the site's operator can expect of an automated client. */
  public static final long POLITE_PERIOD_MS = 2_000;
  /** Longer than this between requests is a stalled run, not politeness. */
  public static final long MAX_PERIOD_MS = 600_000;

  static PolitenessSettings read(PropertyValues v) {
    return new PolitenessSettings(v.whole("throttle.period-ms", 1, MAX_PERIOD_MS, "milliseconds"),
        v.bool("throttle.disabled"), v.bool("throttle.unsafe-delay"));
  }

  /** The spacing requests really get: 0 when the throttle is off. */
  public long effectivePeriodMs() {
    return disabled ? 0 : periodMs;
  }

  /** Refuses a period under the polite one for a site that is not on this machine, unless confirmed. */
  void checkFor(SiteSettings site) {
    if (unsafeDelay || site.onLoopback() || effectivePeriodMs() >= POLITE_PERIOD_MS) {
      return;
    }
    String key = disabled ? "throttle.disabled" : "throttle.period-ms";
    throw new InvalidSettingException(key, "a delay of " + effectivePeriodMs() + " ms between requests is too short for "
        + UserText.clip(site.url()) + ", which is not on this machine: its operator can expect one request every "
        + POLITE_PERIOD_MS / 1000 + " s from an automated client; use --delay 2s or more, or add --unsafe-delay if the operator agreed");
  }
}
