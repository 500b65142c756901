package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.PipelineRunTestSupport;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.RequestLog;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The landing page is a request like the others: the first results request leaves at least a
 * period after it. Checked on the send times HttpClient reports to the pipeline (robust on a busy
 * machine), and, with the replica's dispatch allowance, on arrival at the server.
 */
class SpacingFromLandingTest extends PipelineRunTestSupport {

  private static final long PERIOD_MS = 1000;

  SpacingFromLandingTest() {
    super(PolitenessTest.warmReplica(ReplicaConfig.defaults()));
  }

  @Override
  protected void settings(Properties p) {
    p.setProperty("throttle.disabled", "false");
    p.setProperty("throttle.period-ms", Long.toString(PERIOD_MS));
    p.setProperty("plan.years", "2024");
    p.setProperty("plan.limit", "2");
  }

  @Test
  void the_first_results_request_leaves_a_full_period_after_the_landing_page() {
    run();

    List<RequestLog.Entry> requests = PolitenessTest.pipelineRequests(replica);
    assertEquals(3, requests.size(), "the landing page, then two combinations");
    assertEquals(replica.landingUri().getPath(), requests.get(0).path());
    assertTrue(spacing().smallestGapMillis() >= PERIOD_MS, "as sent: smallest gap " + spacing().smallestGapMillis() + " ms");
    double landingToFirst = (requests.get(1).nanoTime() - requests.get(0).nanoTime()) / 1e6;
    assertTrue(landingToFirst >= PERIOD_MS - PolitenessTest.DISPATCH_ALLOWANCE_MS,
        "as received: landing page to first request " + landingToFirst + " ms");
  }
}
