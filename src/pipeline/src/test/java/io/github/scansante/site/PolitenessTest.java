package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.PipelineRunTestSupport;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Request spacing. Exact on the times HttpClient reports each request leaving (the pipeline's own
 * clock, which no load on the machine can shorten); on arrival at the (replica) server, over the
 * whole run, with the allowance below.
 */
class PolitenessTest {

  /**
   * The replica stamps an arrival on its handler thread, which a busy 2-core machine has run tens to
   * hundreds of ms late. Such a delay moves one end of the span from the first arrival to the last;
   * the span is still at least a period per gap less this.
   */
  static final double DISPATCH_ALLOWANCE_MS = 500;

  /** Starts the replica's request handling before the measured run, outside the pipeline's requests. */
  static ReplicaServer warmReplica(ReplicaConfig config) {
    ReplicaServer replica = ReplicaServer.start(config);
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.landingUri()).build(), HttpResponse.BodyHandlers.discarding());
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.submitUri("annee=2024")).build(), HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      replica.close();
      throw new IllegalStateException("the replica did not answer its warm-up", e);
    }
    return replica;
  }

  /** The requests the pipeline made: those after the warm-up. */
  static List<RequestLog.Entry> pipelineRequests(ReplicaServer replica) {
    List<RequestLog.Entry> all = replica.requestLog().entries();
    return all.subList(2, all.size());
  }

  /** At least a period between requests as they left, and on the whole as the server received them. */
  static void assertSpaced(long periodMs, RequestSpacing spacing, List<RequestLog.Entry> arrivals) {
    assertTrue(spacing.smallestGapMillis() >= periodMs, "as sent: smallest gap " + spacing.smallestGapMillis() + " ms");
    double spanMs = (arrivals.get(arrivals.size() - 1).nanoTime() - arrivals.get(0).nanoTime()) / 1e6;
    double leastMs = (arrivals.size() - 1) * periodMs - DISPATCH_ALLOWANCE_MS;
    assertTrue(spanMs >= leastMs, "as received: " + arrivals.size() + " requests over " + spanMs + " ms");
  }

  /** A run of the pipeline against a warmed replica, spaced by a throttle period. */
  abstract static class SpacedRun extends PipelineRunTestSupport {

    private final long periodMs;
    private final int limit;

    SpacedRun(ReplicaConfig site, long periodMs, int limit) {
      super(warmReplica(site));
      this.periodMs = periodMs;
      this.limit = limit;
    }

    @Override
    protected void settings(Properties p) {
      p.setProperty("throttle.disabled", "false");
      p.setProperty("throttle.period-ms", Long.toString(periodMs));
      p.setProperty("plan.limit", Integer.toString(limit));
    }

    void assertSpaced(List<RequestLog.Entry> arrivals) {
      PolitenessTest.assertSpaced(periodMs, spacing(), arrivals);
    }
  }

  @Nested
  class DefaultDelay extends SpacedRun {

    DefaultDelay() {
      super(ReplicaConfig.defaults(), 2000, 2);
    }

    @Override
    protected void settings(Properties p) {
      super.settings(p);
      p.remove("throttle.period-ms"); // application.properties' own period
    }

    @Test
    void default_delay_keeps_consecutive_requests_at_least_two_seconds_apart() {
      assertEquals("2000", context.resolvePropertyPlaceholders("{{throttle.period-ms}}"), "the default period");
      run();
      List<RequestLog.Entry> entries = pipelineRequests(replica);
      assertEquals(3, entries.size(), "the landing page, then two combinations");
      assertSpaced(entries);
    }
  }

  @Nested
  class ConfiguredDelay extends SpacedRun {

    ConfiguredDelay() {
      super(ReplicaConfig.defaults(), 250, 6);
    }

    @Test
    void a_configured_delay_spaces_every_request_including_the_landing_page() {
      run();
      List<RequestLog.Entry> entries = pipelineRequests(replica);
      assertEquals(7, entries.size());
      assertEquals(replica.landingUri().getPath(), entries.get(0).path());
      assertSpaced(entries);
    }
  }

  @Nested
  class Retries extends SpacedRun {

    /** Every query fails once; the retry back-off (20 ms) is far shorter than the throttle period. */
    Retries() {
      super(ReplicaConfig.builder().faults("503:every=1").build(), 300, 3);
    }

    @Test
    void a_retry_is_a_request_like_any_other_and_waits_for_the_throttle() {
      run();
      List<RequestLog.Entry> entries = pipelineRequests(replica);
      assertEquals(List.of(200, 503, 200, 503, 200, 503, 200), entries.stream().map(RequestLog.Entry::status).toList(),
          "the landing page, then three queries each failed once then answered");
      assertSpaced(entries);
    }
  }
}
