package io.github.scansante.run;

import io.github.scansante.PipelineMainTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs in one context, as under serve: nothing of the first run's state reaches the second. The
 * first leaves its circuit open (two failures, threshold 2, a 60 s pause before the next request);
 * the second starts with a closed circuit and sends its first request at once.
 */
class RunStateTest extends PipelineMainTestSupport {

  private static final long PAUSE_MS = 60_000;
  private static final ReplicaServer REPLICA = ReplicaServer.start(ReplicaConfig.builder().faults("503:every=1:attempts=999").build());

  @TempDir static Path out;

  @AfterAll
  static void stopReplica() {
    REPLICA.close();
  }

  @Override
  protected Properties overrides() {
    Properties p = against(REPLICA.baseUri(), out);
    p.setProperty("plan.years", "2024");
    p.setProperty("plan.limit", "1");
    p.setProperty("retry.max-retries", "1");
    p.setProperty("retry.initial-delay-ms", "20");
    p.setProperty("circuit.failure-threshold", "2");
    p.setProperty("circuit.initial-pause-ms", Long.toString(PAUSE_MS));
    p.setProperty("circuit.max-pause-ms", Long.toString(PAUSE_MS));
    return p;
  }

  @Test
  void the_second_run_starts_with_a_closed_circuit() {
    RunSummary first = context.createProducerTemplate().requestBody("direct:run", Trigger.CLI, RunSummary.class);
    assertEquals(1, first.count(Outcome.FAILED), "the first run failed twice in a row: its circuit is open");

    long started = System.nanoTime();
    RunSummary second = context.createProducerTemplate().requestBody("direct:run", Trigger.QUARTZ, RunSummary.class);
    double seconds = (System.nanoTime() - started) / 1e9;

    assertEquals(1, second.count(Outcome.FAILED));
    assertTrue(seconds < PAUSE_MS / 2000.0, "no pause inherited from the first run: the second took " + seconds + " s");
    List<RequestLog.Entry> entries = REPLICA.requestLog().entries();
    assertEquals(6, entries.size(), "each run: one landing page and two attempts: " + entries);
    assertEquals("quartz", second.run().trigger());
  }
}
