package io.github.scansante.cli;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.database.PostgresConnection;
import io.github.scansante.output.CsvDialect;
import io.github.scansante.plan.PlanException;
import io.github.scansante.plan.Planner;
import io.github.scansante.plan.YearRange;
import io.github.scansante.run.RefreshPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code run} and {@code serve}. Each set option becomes an override of the
 * matching key of application.properties; an unset one leaves the file's value in force.
 */
public class RunOptions {

  @Option(names = "--site", paramLabel = "URL", description = "Base URL of the site (default from site.url: https://www.scansante.fr).")
  String site;

  @Option(names = "--plan", paramLabel = "P", description = "strategic, france, departments, full, or a CSV plan file (default strategic).")
  String plan;

  @Option(names = "--years", paramLabel = "A-B", description = "Only these years, e.g. 2015-2024 or 2024.")
  String years;

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default donnees_scansante).")
  String output;

  @Option(names = "--delay", paramLabel = "D", description = "Time between request starts: 2s, 500ms, 1m; 0 = no throttle (default 2s).")
  String delay;

  @Option(names = "--limit", paramLabel = "N", description = "Stop after N combinations.")
  Long limit;

  @Option(names = "--refresh", paramLabel = "MODE", description = "all (default for run) or changed (skip frozen years already verified).")
  String refresh;

  @Option(names = "--database", paramLabel = "JDBC-URL",
      description = "Also load a PostgreSQL database after every pass: jdbc:postgresql://HOST:PORT/DB?user=U; the password from SCANSANTE_DB_PASSWORD or database.password-file.")
  String database;

  @Option(names = "--csv-dialect", paramLabel = "D", description = "standard (comma; default) or excel-fr (semicolon, decimal comma) for the CSV files.")
  String csvDialect;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override any key of application.properties, e.g. --set retry.max-retries=6.")
  Map<String, String> settings = new LinkedHashMap<>();

  /** Checks every value and returns the property overrides; bad input is a {@link UsageException}. */
  Map<String, String> overrides() {
    Map<String, String> o = new LinkedHashMap<>();
    settings.forEach((key, value) -> {
      if (!key.startsWith("camel.") && !Defaults.has(key)) {
        throw new UsageException("--set " + key + ": no such key in application.properties");
      }
      o.put(key, value);
    });
    if (site != null) {
      o.put("site.url", checkSite(site));
    }
    if (years != null) {
      o.put("plan.years", years);
    }
    if (plan != null) {
      o.put("plan.name", plan);
    }
    if (limit != null) {
      if (limit < 0) {
        throw new UsageException("--limit must be 0 or more, not " + limit);
      }
      o.put("plan.limit", limit.toString());
    }
    if (delay != null) {
      long millis = Durations.toMillis(delay, "--delay");
      o.put("throttle.disabled", Boolean.toString(millis == 0));
      if (millis > 0) {
        o.put("throttle.period-ms", Long.toString(millis));
      }
    }
    if (refresh != null) {
      try {
        o.put("output.refresh", RefreshPolicy.parseMode(refresh).name().toLowerCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + e.getMessage());
      }
    }
    if (output != null) {
      o.put("output.dir", checkOutput(output));
    }
    databaseOverrides(database, csvDialect).forEach(o::put);
    checkPlan(plan == null ? "strategic" : plan, years);
    return o;
  }

  /** The overrides of {@code --database} and {@code --csv-dialect}, checked; null = not given. */
  static Map<String, String> databaseOverrides(String database, String csvDialect) {
    Map<String, String> o = new LinkedHashMap<>();
    if (database != null) {
      try {
        PostgresConnection.check(database);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--database: " + e.getMessage());
      }
      o.put("database.url", database);
    }
    if (csvDialect != null) {
      try {
        o.put("output.csv-dialect", CsvDialect.parse(csvDialect).label());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + e.getMessage());
      }
    }
    return o;
  }

  static String checkSite(String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) || uri.getRawQuery() != null) {
        throw new URISyntaxException(url, "not a base URL");
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    } catch (URISyntaxException e) {
      throw new UsageException("--site must be a base http(s) URL such as https://www.scansante.fr, not '" + url + "'");
    }
  }

  static String checkOutput(String dir) {
    Path path = Path.of(dir);
    try {
      Files.createDirectories(path);
    } catch (IOException | SecurityException e) {
      throw new UsageException("cannot create the output folder " + dir + " (" + e.getMessage() + ")");
    }
    if (!Files.isDirectory(path) || !Files.isWritable(path)) {
      throw new UsageException("the output folder " + dir + " is not writable");
    }
    return dir;
  }

  static void checkPlan(String plan, String years) {
    try {
      new Planner(Catalogue.builtIn()).plan(plan, YearRange.parse(years), 0);
    } catch (PlanException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
