package io.github.scansante.service;

import io.github.scansante.run.Progress;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunHistory;
import io.github.scansante.run.RunJournal;
import io.github.scansante.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

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
    Optional<Map<String, String>> last = RunHistory.lastComplete(outputDir.resolve(RunJournal.RUNS));
    try {
      return last.map(row -> new CompletedRun(row.get("run_id"), Instant.parse(row.get("ended")),
          Long.parseLong(row.get("elapsed_s"))));
    } catch (DateTimeParseException | NumberFormatException | NullPointerException unreadable) {
      return Optional.empty();
    }
  }

  /** The last {@code limit} rows of runs.csv, newest first; empty before the first completed run. */
  public History history(int limit) {
    List<Map<String, String>> runs = new ArrayList<>(RunHistory.read(outputDir.resolve(RunJournal.RUNS)));
    if (runs.isEmpty()) {
      return new History(List.of(), List.of());
    }
    Collections.reverse(runs);
    List<String> header = List.copyOf(runs.get(0).keySet());
    List<List<String>> rows = runs.subList(0, Math.min(limit, runs.size())).stream()
        .map(row -> header.stream().map(c -> row.getOrDefault(c, "")).toList()).toList();
    return new History(header, rows);
  }
}
