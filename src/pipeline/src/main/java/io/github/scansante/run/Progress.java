package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run is: done/total, outcomes so far, rate and ETA. On a terminal it rewrites one line;
 * otherwise (logs, CI, cron) it writes a plain log line at a fixed interval.
 */
public final class Progress implements Consumer<ManifestRow> {

  private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

  private final Clock clock;
  private final boolean terminal;
  private final PrintStream out;
  private final long intervalMs;
  private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
  private Instant started;
  private long total;
  private long resumed;
  private long done;
  private long lastPrintMs;

  public Progress(Clock clock, boolean terminal, PrintStream out, long intervalMs) {
    this.clock = clock;
    this.terminal = terminal;
    this.out = out;
    this.intervalMs = intervalMs;
  }

  public synchronized void start(long total, long resumed) {
    this.started = clock.instant();
    this.total = total;
    this.resumed = resumed;
    this.done = resumed;
    this.outcomes.clear();
    this.lastPrintMs = clock.millis();
  }

  @Override
  public synchronized void accept(ManifestRow row) {
    done++;
    outcomes.merge(row.outcome(), 1L, Long::sum);
    long now = clock.millis();
    if (terminal) {
      out.print("\r" + line() + "   ");
      out.flush();
    } else if (now - lastPrintMs >= intervalMs) {
      lastPrintMs = now;
      LOG.info(line());
    }
  }

  /** Ends the updating line before other output. */
  public synchronized void end() {
    if (terminal && done > resumed) {
      out.println();
    }
  }

  public synchronized long done() {
    return done;
  }

  public synchronized long total() {
    return total;
  }

  public synchronized String line() {
    double seconds = started == null ? 0 : Math.max(1e-3, Duration.between(started, clock.instant()).toMillis() / 1000.0);
    long thisRun = done - resumed;
    double rate = seconds == 0 ? 0 : thisRun / seconds;
    String eta = rate > 0 && total > done ? formatDuration((long) ((total - done) / rate)) : "-";
    String counts = outcomes.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", "));
    return String.format("%d/%d combinations (%s) %.2f/s ETA %s", done, total, counts.isEmpty() ? "none yet" : counts, rate, eta);
  }

  static String formatDuration(long seconds) {
    return seconds >= 3600 ? String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        : seconds >= 60 ? String.format("%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
  }

  /** The end-of-run table. */
  public static String table(RunSummary s) {
    StringBuilder b = new StringBuilder();
    b.append(String.format("Run %s (%s, plan %s) finished in %s%n", s.run().id(), s.run().trigger(), s.run().plan(),
        formatDuration(s.elapsed().toSeconds())));
    b.append(String.format("  %-22s %8s%n", "outcome", "count"));
    for (Outcome o : Outcome.values()) {
      if (s.count(o) > 0) {
        b.append(String.format("  %-22s %8d%n", o.label(), s.count(o)));
      }
    }
    b.append(String.format("  %-22s %8d%n", "combinations", s.combinations()));
    b.append(String.format("  %-22s %8d%n", "files written", s.filesWritten()));
    b.append(String.format("  %-22s %8d%n", "establishment rows", s.rowsWritten()));
    return b.toString();
  }
}
