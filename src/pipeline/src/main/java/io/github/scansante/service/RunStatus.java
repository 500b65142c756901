package io.github.scansante.service;

import io.github.scansante.run.Progress;
import java.util.function.ToLongFunction;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunJournal;
import io.github.scansante.run.RunSummary;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What the instance is doing and what its last runs did, read from the run coordinator and from
 * the output folder ({@code runs.csv}, the journal), so that it also knows the runs of earlier
 * processes. Read-only.
 */
public final class RunStatus {

  /** A completed run, as far as health and metrics need it. */
  public record CompletedRun(String id, Instant ended, long elapsedSeconds) {}

  /** runs.csv: its header and its rows, newest first. */
  public record History(List<String> header, List<List<String>> rows) {}

  private static final String ID = "run_id";
  private static final String ENDED = "ended";
  private static final String ELAPSED = "elapsed_s";
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private final RunCoordinator coordinator;
  private final Path outputDir;

  public RunStatus(RunCoordinator coordinator, Path outputDir) {
    this.coordinator = coordinator;
    this.outputDir = outputDir;
  }

  public boolean running() {
    return coordinator.isRunning();
  }

  public String currentRunId() {
    return coordinator.currentRunId();
  }

  /** Combinations finished in the run in progress; 0 when none is running. */
  public long done() {
    return ofCurrent(Progress::done);
  }

  /** Combinations planned in the run in progress; 0 when none is running. */
  public long total() {
    return ofCurrent(Progress::total);
  }

  /** done/total, outcomes so far, rate and ETA of the run in progress; empty when none is running. */
  public String progressLine() {
    return coordinator.currentProgress().map(Progress::line).orElse("");
  }

  private long ofCurrent(ToLongFunction<Progress> value) {
    return coordinator.currentProgress().map(value::applyAsLong).orElse(0L);
  }

  public Path outputDir() {
    return outputDir;
  }

  /** A run began and did not complete, and none is running now to resume it. */
  public boolean interrupted() {
    return !running() && Files.exists(outputDir.resolve(RunJournal.STATE_DIR).resolve(RunJournal.RUN_STATE));
  }

  /** The last completed run: this process's, else the last line of runs.csv. */
  public Optional<CompletedRun> lastCompleted() {
    RunSummary summary = coordinator.lastSummary();
    if (summary != null) {
      return Optional.of(new CompletedRun(summary.run().id(), summary.ended(), summary.elapsed().toSeconds()));
    }
    History history = history(1);
    if (history.rows().isEmpty()) {
      return Optional.empty();
    }
    List<String> row = history.rows().get(0);
    try {
      return Optional.of(new CompletedRun(cell(history, row, ID), Instant.parse(cell(history, row, ENDED)),
          Long.parseLong(cell(history, row, ELAPSED))));
    } catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException unreadable) {
      return Optional.empty();
    }
  }

  private static String cell(History history, List<String> row, String column) {
    return row.get(history.header().indexOf(column));
  }

  /** The last {@code limit} rows of runs.csv, newest first; empty before the first completed run. */
  public History history(int limit) {
    Path file = outputDir.resolve(RunJournal.RUNS);
    if (!Files.isRegularFile(file)) {
      return new History(List.of(), List.of());
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = CSV.parse(r)) {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : p) {
        if (record.isConsistent()) {
          rows.add(record.toList());
        }
      }
      Collections.reverse(rows);
      return new History(p.getHeaderNames(), rows.subList(0, Math.min(limit, rows.size())));
    } catch (IOException | UncheckedIOException | IllegalStateException torn) {
      return new History(List.of(), List.of());
    }
  }
}
