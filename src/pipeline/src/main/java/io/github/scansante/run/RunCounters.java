package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** A run's tallies: combinations per outcome, files and rows written. */
public final class RunCounters {

  private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
  private long filesWritten;
  private long rowsWritten;

  synchronized void count(ManifestRow row) {
    outcomes.merge(row.outcome(), 1L, Long::sum);
    if (row.outcome() == Outcome.DATA || row.outcome() == Outcome.DERIVED) {
      filesWritten++;
      rowsWritten += row.rows();
    }
  }

  synchronized long combinations() {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  synchronized RunSummary summary(RunInfo run, Instant ended) {
    return new RunSummary(run, ended, outcomes, filesWritten, rowsWritten);
  }
}
