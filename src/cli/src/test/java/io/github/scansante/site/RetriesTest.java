package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.database.DuckDbStore;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import io.github.scansante.report.MasterTable;
import io.github.scansante.report.RunReport;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transport failures from the replica's fault injection: retried, bounded, then dead-lettered. */
class RetriesTest {

  /**
   * Arrivals are stamped on the replica's handler thread, which a loaded machine can run hundreds of
   * ms late: a wait measured between two arrivals may look this much shorter than it was.
   */
  private static final double DISPATCH_ALLOWANCE_MS = 500;

  private static List<ManifestRow> manifest(Path out) throws java.io.IOException {
    return ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
  }

  private static Map<String, List<RequestLog.Entry>> byQuery(ReplicaServer replica) {
    return replica.requestLog().submitEntries().stream().collect(Collectors.groupingBy(RequestLog.Entry::rawQuery));
  }

  @Test
  void retry_after_is_honoured_then_the_answer_is_written(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("503:every=1:retry-after=1").build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "2");
      assertEquals(0, r.exitCode(), r.err());
      for (List<RequestLog.Entry> attempts : byQuery(replica).values()) {
        assertEquals(List.of(503, 200), attempts.stream().map(RequestLog.Entry::status).toList());
        double waitedMs = (attempts.get(1).nanoTime() - attempts.get(0).nanoTime()) / 1e6;
        assertTrue(waitedMs >= 1000 - DISPATCH_ALLOWANCE_MS, "waited " + waitedMs + " ms, Retry-After said 1 s, the back-off 20 ms");
      }
      assertTrue(manifest(out).stream().allMatch(m -> m.outcome() == Outcome.DATA && m.attempts() == 2), manifest(out).toString());
    }
  }

  @Test
  void a_retry_after_longer_than_the_cap_is_cut_to_the_cap(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("429:every=1:retry-after=3600").build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "1", "--set", "retry.retry-after-cap-ms=1000");
      assertEquals(0, r.exitCode(), r.err());
      List<RequestLog.Entry> attempts = byQuery(replica).values().iterator().next();
      double waitedMs = (attempts.get(1).nanoTime() - attempts.get(0).nanoTime()) / 1e6;
      // The cap, not the 20 ms back-off; and minutes short of the hour the site asked for.
      assertTrue(waitedMs >= 1000 - DISPATCH_ALLOWANCE_MS && waitedMs < 60_000, "waited " + waitedMs + " ms");
      assertEquals(Outcome.DATA, manifest(out).get(0).outcome());
    }
  }

  @Test
  void a_site_that_keeps_failing_gets_a_bounded_number_of_attempts_then_a_dead_letter(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("502:every=1:attempts=99").build())) {
      Cli.Result r = Cli.run(replica.baseUri().toString(), out, "--limit", "2", "--set", "retry.max-retries=2");
      assertEquals(0, r.exitCode(), "the pass completed: " + r.err());
      byQuery(replica).values().forEach(attempts -> assertEquals(3, attempts.size(), "1 attempt + 2 retries"));
      for (ManifestRow row : manifest(out)) {
        assertEquals(Outcome.FAILED, row.outcome());
        assertEquals("HTTP 502 after 3 attempts", row.reason());
        assertEquals("", row.file());
      }
      assertEquals(2, Files.readAllLines(out.resolve(RunJournal.DEAD_LETTERS)).size());
      assertEquals(List.of(RunJournal.DEAD_LETTERS, RunReport.FILE_NAME, RunJournal.MANIFEST, RunJournal.RUNS, DuckDbStore.FILE_NAME,
          MasterTable.FILE_NAME, DuckDbStore.PARQUET_FILE),
          Files.list(out).filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList(), "no data file");
    }
  }

  @Test
  void resets_truncated_bodies_and_timeouts_are_retried(@TempDir Path out) throws Exception {
    String faults = "reset:every=3,truncate:every=2,slow:every=5:ms=1500";
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults(faults).build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "10", "--set", "site.read-timeout-ms=500");
      assertEquals(0, r.exitCode(), r.err());
      long faulted = replica.requestLog().submitEntries().stream().filter(e -> !e.fault().isEmpty()).count();
      assertTrue(faulted >= 5, "faults injected: " + faulted);
      List<ManifestRow> rows = manifest(out);
      assertEquals(10, rows.size());
      assertTrue(rows.stream().allMatch(m -> m.outcome() == Outcome.DATA), rows.toString());
      assertEquals(10 + faulted, replica.requestLog().submitEntries().size(), "one extra request per fault, no more");
    }
  }

  @Test
  void a_landing_page_that_keeps_failing_leaves_the_pass_on_the_built_in_catalogue(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(
        ReplicaConfig.builder().faults("503:every=1:attempts=99:path=landing").build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "2", "--set", "retry.max-retries=1");
      assertEquals(0, r.exitCode(), r.err());
      long landings = replica.requestLog().entries().stream().filter(e -> e.fault().equals("503")).count();
      assertEquals(2, landings, "1 attempt + 1 retry of the landing page");
      assertEquals(2, replica.requestLog().submitEntries().size(), "then the plan, as if the form had been read");
      assertTrue(manifest(out).stream().allMatch(m -> m.outcome() == Outcome.DATA), manifest(out).toString());
    }
  }

  @Test
  void a_landing_page_without_a_form_is_not_retried_and_is_no_site_failure(@TempDir Path out) throws Exception {
    // Threshold 1 and a 5 min pause: had the unreadable landing page counted as a site failure, the
    // first submit would wait that long; a loaded machine takes seconds, not minutes, for the pass.
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("not-html:every=1:attempts=99:path=landing").build())) {
      long started = System.nanoTime();
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "2", "--set", "circuit.failure-threshold=1",
          "--set", "circuit.initial-pause-ms=300000", "--set", "circuit.max-pause-ms=300000");
      double seconds = (System.nanoTime() - started) / 1e9;
      assertEquals(0, r.exitCode(), r.err());
      assertEquals(1, replica.requestLog().entries().size() - replica.requestLog().submitEntries().size(), "the landing page, once");
      assertTrue(seconds < 120, "no circuit pause: " + seconds + " s");
      assertTrue(manifest(out).stream().allMatch(m -> m.outcome() == Outcome.DATA), manifest(out).toString());
    }
  }

  @Test
  void with_no_retries_configured_the_first_failure_is_final(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("500:every=1:attempts=1").build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "1", "--set", "retry.max-retries=0");
      assertEquals(0, r.exitCode(), r.err());
      assertEquals(1, replica.requestLog().submitEntries().size());
      assertEquals("HTTP 500 after 1 attempt", manifest(out).get(0).reason());
    }
  }
}
