package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The circuit breaker through the real pipeline, measured where it matters: the gaps between
 * request arrivals at the (replica) site. Threshold 3, pauses from 1 s doubling up to 2 s,
 * one retry per combination (20 ms back-off, from {@link Cli#run}), no throttle.
 */
class CircuitBreakerTest {

  private static final String[] CIRCUIT = {"--plan", "france", "--years", "2024",
      "--set", "circuit.failure-threshold=3", "--set", "circuit.initial-pause-ms=1000",
      "--set", "circuit.max-pause-ms=2000", "--set", "retry.max-retries=1"};
  /**
   * A request may arrive this much sooner than its pause: the replica stamps arrivals on a handler
   * thread, which a loaded machine runs late. Pauses are long enough for allowances that keep each
   * one apart from its double.
   */
  private static final double EARLY_MS = 250;
  /** And this much later: the back-off, the answer's handling, a loaded machine. */
  private static final double LATE_MS = 1000;
  private static final double MAX_PAUSE_MS = 2000;
  /** Below this, failed requests follow each other with no pause (the shortest pause arrives no sooner). */
  private static final double NO_PAUSE_MS = 1000 - EARLY_MS;

  private static List<Double> gapsMs(List<RequestLog.Entry> entries) {
    List<Double> gaps = new ArrayList<>();
    for (int i = 1; i < entries.size(); i++) {
      gaps.add((entries.get(i).nanoTime() - entries.get(i - 1).nanoTime()) / 1e6);
    }
    return gaps;
  }

  private static void assertPause(double expectedMs, double gapMs, String what) {
    assertTrue(gapMs >= expectedMs - EARLY_MS && gapMs <= expectedMs + LATE_MS,
        what + ": gap " + gapMs + " ms, expected a pause of " + expectedMs + " ms");
  }

  private static Cli.Result run(ReplicaServer replica, Path out, String limit) {
    List<String> args = new ArrayList<>(List.of(CIRCUIT));
    args.addAll(List.of("--limit", limit));
    return Cli.runWithoutDatabase(replica.baseUri().toString(), out, args.toArray(String[]::new));
  }

  @Test
  void after_three_consecutive_failures_requests_stop_for_pauses_that_double_up_to_the_maximum(@TempDir Path out) {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("503:every=1:attempts=999").build())) {
      Cli.Result r = run(replica, out, "4");
      assertEquals(0, r.exitCode(), r.err());
      List<RequestLog.Entry> submits = replica.requestLog().submitEntries();
      assertEquals(8, submits.size(), "4 combinations, 1 attempt + 1 retry each");
      List<Double> gaps = gapsMs(submits);
      assertTrue(gaps.get(0) < NO_PAUSE_MS && gaps.get(1) < NO_PAUSE_MS, "no pause before 3 failures: " + gaps);
      double[] pauses = {1000, MAX_PAUSE_MS, MAX_PAUSE_MS, MAX_PAUSE_MS, MAX_PAUSE_MS};
      for (int i = 0; i < pauses.length; i++) {
        assertPause(pauses[i], gaps.get(i + 2), "after failure " + (i + 3) + " " + gaps);
      }
      for (ManifestRow row : ManifestWriter.read(out.resolve(RunJournal.MANIFEST))) {
        assertEquals(Outcome.FAILED, row.outcome());
        assertEquals("HTTP 503 after 2 attempts", row.reason());
      }
    }
  }

  @Test
  void when_the_site_recovers_the_probe_closes_the_circuit_and_requests_resume_without_pauses(@TempDir Path out) {
    // The site fails every attempt of the first 4 queries, then answers everything.
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("503:first=4:attempts=999").build())) {
      Cli.Result r = run(replica, out, "8");
      assertEquals(0, r.exitCode(), r.err());
      List<RequestLog.Entry> submits = replica.requestLog().submitEntries();
      assertEquals(12, submits.size(), "4 failing combinations twice, then 4 answered at once");
      assertEquals(List.of(503, 503, 503, 503, 503, 503, 503, 503, 200, 200, 200, 200),
          submits.stream().map(RequestLog.Entry::status).toList());
      List<Double> gaps = gapsMs(submits);
      assertPause(MAX_PAUSE_MS, gaps.get(7), "the probe waited the longest pause " + gaps);
      // Still open, the circuit would hold each request for its maximum pause; closed, only the
      // handling of the previous answer (parse, write; a few hundred ms while the JVM is cold) is left.
      for (int i = 8; i < gaps.size(); i++) {
        assertTrue(gaps.get(i) < MAX_PAUSE_MS - EARLY_MS, "no pause once the probe succeeded: " + gaps);
      }
      List<ManifestRow> rows = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertEquals(List.of(Outcome.FAILED, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED,
          Outcome.DATA, Outcome.DATA, Outcome.DATA, Outcome.DATA), rows.stream().map(ManifestRow::outcome).toList());
    }
  }
}
