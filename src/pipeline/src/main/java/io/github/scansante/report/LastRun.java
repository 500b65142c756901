package io.github.scansante.report;

import io.github.scansante.page.Outcome;
import io.github.scansante.run.RunHistory;
import io.github.scansante.run.RunJournal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/** The last line of {@code runs.csv}: which run the report describes. */
final class LastRun {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss z", Locale.ENGLISH);

  private LastRun() {}

  /** The last completed run's columns by name; empty when no run has completed in this folder. */
  static Optional<Map<String, String>> read(Path outputDir) {
    return RunHistory.lastComplete(outputDir.resolve(RunJournal.RUNS));
  }

  /** An instant of runs.csv as the local time of this machine, to the second: "2 Dec 2026, 12:39:46 CET". */
  static String readable(String instant) {
    try {
      return LOCAL_TIME.format(Instant.parse(instant).atZone(ZoneId.systemDefault()));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  /** One line, e.g. "Run 20250920T081500Z-cli (cli, plan strategic) · ended … · 12 combinations: 10 data, 2 refused". */
  static String describe(Map<String, String> run) {
    List<String> outcomes = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      String n = run.getOrDefault(o.label().replace('-', '_'), "0");
      if (!n.equals("0") && !n.isEmpty()) {
        outcomes.add(n + " " + o.label());
      }
    }
    return "Run " + run.getOrDefault("run_id", "?") + " (" + run.getOrDefault("trigger", "?") + ", plan "
        + run.getOrDefault("plan", "?") + ") · started " + readable(run.getOrDefault("started", "?")) + " · ended "
        + readable(run.getOrDefault("ended", "?")) + " after " + run.getOrDefault("elapsed_s", "?") + " s · "
        + run.getOrDefault("combinations", "?") + " combinations: " + String.join(", ", outcomes) + " · "
        + run.getOrDefault("files_written", "?") + " files, " + run.getOrDefault("rows_written", "?") + " rows written";
  }
}
