package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts of a finished run, for runs.csv, the end-of-run table and JMX. */
public record RunSummary(RunInfo run, Instant ended, Map<Outcome, Long> outcomes, long filesWritten, long rowsWritten) {

  public RunSummary {
    outcomes = new EnumMap<>(outcomes);
  }

  public long combinations() {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  public long count(Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  public Duration elapsed() {
    return Duration.between(run.started(), ended);
  }

  /** One line, e.g. for the JMX attribute LastRunSummary. */
  public String oneLine() {
    String counts = outcomes.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().label() + "=" + e.getValue()).collect(Collectors.joining(" "));
    return String.format("run %s (%s): %d combinations, %s; %d files, %d rows, %ds", run.id(), run.trigger(),
        combinations(), counts, filesWritten, rowsWritten, elapsed().toSeconds());
  }
}
