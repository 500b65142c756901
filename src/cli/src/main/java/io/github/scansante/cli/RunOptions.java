package io.github.scansante.cli;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.config.InvalidSettingException;
import io.github.scansante.config.PlanSettings;
import io.github.scansante.config.PropertyValues;
import io.github.scansante.config.Settings;
import io.github.scansante.config.SettingsSource;
import io.github.scansante.config.SiteSettings;
import io.github.scansante.plan.Planner;
import io.github.scansante.state.OutputLock;
import io.github.scansante.text.UserText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code run} and {@code serve}. Each set option becomes an override of the
 * matching key of application.properties; an unset one leaves the file's value in force. Every
 * value is checked, with the file's, before anything starts.
 */
public class RunOptions {

  @Option(names = "--site", paramLabel = "URL", description = "Base URL of the site (default from site.url: https://www.scansante.fr).")
  String site;

  @Option(names = "--plan", paramLabel = "P", description = "strategic, france, departments, full, or a CSV plan file (default plan.name: strategic).")
  String plan;

  @Option(names = "--years", paramLabel = "A-B", description = "Only these years, e.g. 2015-2024 or 2024.")
  String years;

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default output.dir: donnees_scansante).")
  String output;

  @Option(names = "--delay", paramLabel = "D", description = "Time between request starts: 2s, 500ms, 1m; 0 = no throttle (default 2s). Under 2s for a site that is not on this machine needs --unsafe-delay.")
  String delay;

  @Option(names = "--unsafe-delay", description = "Confirm a delay under 2s for a site that is not on this machine: only with its operator's agreement.")
  boolean unsafeDelay;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N combinations (1 or more; leave it out for the whole plan).")
  Long limit;

  @Option(names = "--restart", description = "Start afresh: do not resume the unfinished run of the same plan (it is recorded as abandoned in runs.csv).")
  boolean restart;

  @Option(names = "--refresh", paramLabel = "MODE", description = "all (default for run) or changed (skip frozen years already verified).")
  String refresh;

  @Option(names = "--database", paramLabel = "JDBC-URL",
      description = "Also load a PostgreSQL database after every pass: jdbc:postgresql://HOST:PORT/DB?user=U; the password from SCANSANTE_DB_PASSWORD or database.password-file.")
  String database;

  @Option(names = "--csv-dialect", paramLabel = "D", description = "standard (comma; default) or excel-fr (semicolon, decimal comma) for the CSV files.")
  String csvDialect;

  @Option(names = "--derive", paramLabel = "on|off", description = "Derive region and department tables from national ones, verified against a sample of the site's (default derive.enabled: on).")
  String derive;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any key of application.properties, e.g. --set retry.max-retries=6.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Checks every value and returns the property overrides; bad input is a {@link UsageException}. */
  Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>(settings);
    Map<String, String> options = new LinkedHashMap<>();
    if (site != null) {
      o.put("site.url", SiteSettings.baseUrl("--site", site));
    }
    if (years != null) {
      put(o, options, "plan.years", years, "--years");
    }
    if (plan != null) {
      put(o, options, "plan.name", plan, "--plan");
    }
    if (limit != null) {
      put(o, options, "plan.limit", checkLimit(limit).toString(), "--limit");
    }
    if (delay != null) {
      long millis = Durations.toMillis(delay, "--delay");
      put(o, options, "throttle.disabled", Boolean.toString(millis == 0), "--delay");
      if (millis > 0) {
        put(o, options, "throttle.period-ms", Long.toString(millis), "--delay");
      }
    }
    if (unsafeDelay) {
      o.put("throttle.unsafe-delay", "true");
    }
    if (refresh != null) {
      put(o, options, "output.refresh", refresh.strip().toLowerCase(Locale.ROOT), "--refresh");
    }
    if (restart) {
      put(o, options, "output.restart", "true", "--restart");
    }
    if (output != null) {
      put(o, options, "output.dir", output, "--output");
    }
    if (derive != null) {
      put(o, options, "derive.enabled", onOff(derive), "--derive");
    }
    putDatabase(o, options, database, csvDialect);
    Settings checked = settings(o, options);
    checked.checkPoliteness();
    checkPlan(checked.plan());
    return o;
  }

  /** The settings with these overrides, each checked; a bad value set by an option names the option. */
  static Settings settings(Map<String, String> overrides, Map<String, String> optionOfKey) {
    PropertyValues values = SettingsSource.standalone(overrides);
    for (String key : overrides.keySet()) {
      if (!key.startsWith("camel.") && !values.keys().contains(key)) {
        throw new UsageException("--set " + UserText.clip(key) + ": no such key in application.properties");
      }
    }
    try {
      return Settings.read(values);
    } catch (InvalidSettingException e) {
      String option = optionOfKey.get(e.key());
      throw option == null ? e : new UsageException(option + ": " + e.getMessage());
    }
  }

  static Settings settings(Map<String, String> overrides) {
    return settings(overrides, Map.of());
  }

  /** The overrides of {@code --database} and {@code --csv-dialect} (null: not given), checked with the settings. */
  static void putDatabase(Map<String, String> overrides, Map<String, String> options, String database, String csvDialect) {
    if (database != null) {
      put(overrides, options, "database.url", database, "--database");
    }
    if (csvDialect != null) {
      put(overrides, options, "output.csv-dialect", csvDialect, "--csv-dialect");
    }
  }

    private static void put(Map<String, String> overrides, Map<String, String> options, String key, String value, String option) {
    overrides.put(key, value);
    options.put(key, option);
  }

  static String onOff(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on" -> "true";
      case "off" -> "false";
      default -> throw new UsageException("--derive must be on or off, not '" + UserText.clip(value) + "'");
    };
  }

  /** The property's 0 means the whole plan; on the command line that is said by leaving --limit out. */
  static Long checkLimit(Long limit) {
    if (limit < 1) {
      throw new UsageException("--limit must be 1 or more, not " + limit + "; leave it out to run the whole plan");
    }
    return limit;
  }

  /** The output folder, created if missing; one that is blank, not a folder or not writable is bad input. */
  private static void checkOutput(String dir) {
    if (dir.isBlank()) {
      throw new UsageException("the output folder is empty; give a folder with --output DIR");
    }
    Path path;
    try {
      path = Path.of(dir);
    } catch (InvalidPathException e) {
      throw new UsageException("the output folder " + UserText.clip(dir) + " is not a valid path (" + UserText.clip(e.getReason())
          + "); choose another with --output");
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw new UsageException("the output folder " + UserText.clip(dir) + " is a file, not a folder; choose another with --output");
    }
    try {
      Files.createDirectories(path);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("cannot create the output folder " + UserText.clip(dir) + " (" + UserMessages.cause(e)
          + "); choose another with --output");
    }
    if (!Files.isWritable(path)) {
      throw new UsageException("the output folder " + UserText.clip(dir) + " is not writable; choose another with --output");
    }
  }

  /**
   * Checks the output folder, creates it and holds it until the command ends: another scansante
   * command on it is refused with {@link OutputLock.InUse} (exit 75); a folder that cannot be locked
   * at all is bad input. Called once the rest of the input is checked, so that refused input creates
   * nothing.
   */
  static OutputLock lockOutput(String dir, String command) {
    checkOutput(dir);
    try {
      return OutputLock.acquire(Path.of(dir), command);
    } catch (IOException e) {
      throw new UsageException("cannot lock the output folder " + UserText.clip(dir) + " (" + UserMessages.cause(e)
          + "); choose another with --output");
    }
  }

  /** A plan that does not exist, cannot be read or selects nothing is refused before anything starts. */
  static void checkPlan(PlanSettings plan) {
    new Planner(Catalogue.builtIn()).check(plan.name(), plan.years());
  }
}
