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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that trickles its answer never trips the read time-out, which counts only the silence
 * between bytes; the whole-answer deadline cuts the attempt, which is then retried.
 */
class ResponseDeadlineTest {

  private static final long DEADLINE_MS = 2000;
  private static final long DISPATCH_JITTER_MS = 500;

  @Test
  void a_trickling_answer_is_cut_at_the_deadline_then_asked_again(@TempDir Path out) throws Exception {
    // One byte every 100 ms: the read time-out (60 s) never fires, and the page would take hours.
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("trickle:every=1:ms=100").build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "1",
          "--set", "site.response-deadline-ms=" + DEADLINE_MS);
      assertEquals(0, r.exitCode(), r.err());
      List<RequestLog.Entry> attempts = replica.requestLog().submitEntries();
      assertEquals(List.of("trickle", ""), attempts.stream().map(RequestLog.Entry::fault).toList());
      double cutAfterMs = (attempts.get(1).nanoTime() - attempts.get(0).nanoTime()) / 1e6;
      // The deadline runs from when the client starts the request; arrivals are stamped by the replica's
      // handler, which a busy machine can dispatch a few hundred ms late.
      assertTrue(cutAfterMs >= DEADLINE_MS - DISPATCH_JITTER_MS, "the second attempt came " + cutAfterMs + " ms after the first");
      // Without the deadline the page would take hours; the read time-out (60 s) never fires.
      assertTrue(cutAfterMs < 20 * DEADLINE_MS, "cut at the deadline: the second attempt came after " + cutAfterMs + " ms");
      ManifestRow row = ManifestWriter.read(out.resolve(RunJournal.MANIFEST)).get(0);
      assertEquals(Outcome.DATA, row.outcome(), row.reason());
      assertEquals(2, row.attempts());
    }
  }

  @Test
  void an_answer_that_always_trickles_fails_as_a_time_out_after_the_retry_budget(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(
        ReplicaConfig.builder().faults("trickle:every=1:attempts=99:ms=100").build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--limit", "1", "--set", "retry.max-retries=1",
          "--set", "site.response-deadline-ms=" + DEADLINE_MS);
      assertEquals(0, r.exitCode(), r.err());
      assertEquals(2, replica.requestLog().submitEntries().size());
      ManifestRow row = ManifestWriter.read(out.resolve(RunJournal.MANIFEST)).get(0);
      assertEquals(Outcome.FAILED, row.outcome());
      assertEquals("no complete answer within the deadline of 2000 ms (site.response-deadline-ms) after 2 attempts",
          row.reason());
    }
  }
}
