package io.github.scansante.site;

import io.github.scansante.PipelineMainTestSupport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The landing page is a request like the others: the first results request leaves at least a
 * period after it. Checked on the send times HttpClient reports to the pipeline (robust on a busy
 * machine), and, with the replica's usual dispatch allowance, on arrival at the server.
 */
class SpacingFromLandingTest extends PipelineMainTestSupport {

  private static final long PERIOD_MS = 1000;
  private static final ReplicaServer REPLICA = warm();

  @TempDir static Path out;

  private static ReplicaServer warm() {
    try {
      return PolitenessTest.warmReplica(ReplicaConfig.defaults());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopReplica() {
    REPLICA.close();
  }

  @Override
  protected Properties overrides() {
    Properties p = new Properties();
    p.setProperty("site.url", REPLICA.baseUri().toString());
    p.setProperty("output.dir", out.toString());
    p.setProperty("throttle.period-ms", Long.toString(PERIOD_MS));
    p.setProperty("plan.years", "2024");
    p.setProperty("plan.limit", "2");
    return p;
  }

  @Test
  void the_first_results_request_leaves_a_full_period_after_the_landing_page() {
    context.createProducerTemplate().requestBody("direct:run", "cli");

    List<RequestLog.Entry> requests = PolitenessTest.pipelineRequests(REPLICA);
    assertEquals(3, requests.size(), "the landing page, then two combinations");
    assertEquals(REPLICA.landingUri().getPath(), requests.get(0).path());
    RequestSpacing spacing = context.getRegistry().lookupByNameAndType("requestSpacing", RequestSpacing.class);
    assertTrue(spacing.smallestGapMillis() >= PERIOD_MS, "as sent: smallest gap " + spacing.smallestGapMillis() + " ms");
    double landingToFirst = (requests.get(1).nanoTime() - requests.get(0).nanoTime()) / 1e6;
    assertTrue(landingToFirst >= PERIOD_MS - 50, "as received: landing page to first request " + landingToFirst + " ms");
  }
}
