package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request spacing, measured where it matters: arrival times at the (replica) server. */
class PolitenessTest {

  /**
   * Arrival is stamped by the replica's handler thread, some ms after the bytes arrive: more for a
   * handler's first call, and up to tens of ms when the 2 cores are busy with other builds.
   */
  private static final double HANDLER_JITTER_MS = 50;

  /** Starts the replica's request handling before the measured run, outside the pipeline's requests. */
  static ReplicaServer warmReplica(ReplicaConfig config) throws Exception {
    ReplicaServer replica = ReplicaServer.start(config);
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.landingUri()).build(), HttpResponse.BodyHandlers.discarding());
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.submitUri("annee=2024")).build(), HttpResponse.BodyHandlers.discarding());
    return replica;
  }

  /** The requests the pipeline made: those after the warm-up. */
  static List<RequestLog.Entry> pipelineRequests(ReplicaServer replica) {
    List<RequestLog.Entry> all = replica.requestLog().entries();
    return all.subList(2, all.size());
  }

  /** Smallest gap between consecutive request arrivals, in milliseconds. */
  static double smallestGapMs(List<RequestLog.Entry> entries) {
    double smallest = Double.MAX_VALUE;
    for (int i = 1; i < entries.size(); i++) {
      smallest = Math.min(smallest, (entries.get(i).nanoTime() - entries.get(i - 1).nanoTime()) / 1e6);
    }
    return smallest;
  }

  @Test
  void default_delay_keeps_consecutive_requests_at_least_two_seconds_apart(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = warmReplica(ReplicaConfig.defaults())) {
      Cli.Result r = Cli.execute("run", "--site", replica.baseUri().toString(), "--output", out.toString(),
          "--limit", "2", "--set", "camel.main.jmx-enabled=false");
      assertEquals(0, r.exitCode(), r.err());
      List<RequestLog.Entry> entries = pipelineRequests(replica);
      assertEquals(3, entries.size(), "the landing page, then two combinations");
      // Measured when the replica's handler runs, which adds a few ms of dispatch jitter.
      assertTrue(smallestGapMs(entries) >= 2000 - HANDLER_JITTER_MS, "smallest gap " + smallestGapMs(entries) + " ms");
    }
  }

  @Test
  void a_configured_delay_spaces_every_request_including_the_landing_page(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = warmReplica(ReplicaConfig.defaults())) {
      Cli.Result r = Cli.run(replica.baseUri().toString(), out, "--delay", "250ms", "--limit", "6");
      assertEquals(0, r.exitCode(), r.err());
      List<RequestLog.Entry> entries = pipelineRequests(replica);
      assertEquals(7, entries.size());
      assertTrue(smallestGapMs(entries) >= 250 - HANDLER_JITTER_MS, "smallest gap " + smallestGapMs(entries) + " ms");
    }
  }

  @Test
  void a_retry_is_a_request_like_any_other_and_waits_for_the_throttle(@TempDir Path out) throws Exception {
    // Every query fails once; the retry back-off (20 ms) is far shorter than the throttle period.
    try (ReplicaServer replica = warmReplica(ReplicaConfig.builder().faults("503:every=1").build())) {
      Cli.Result r = Cli.run(replica.baseUri().toString(), out, "--delay", "300ms", "--limit", "3");
      assertEquals(0, r.exitCode(), r.err());
      List<RequestLog.Entry> entries = pipelineRequests(replica);
      assertEquals(List.of(200, 503, 200, 503, 200, 503, 200), entries.stream().map(RequestLog.Entry::status).toList(),
          "the landing page, then three queries each failed once then answered");
      assertTrue(smallestGapMs(entries) >= 300 - HANDLER_JITTER_MS, "smallest gap " + smallestGapMs(entries) + " ms");
    }
  }
}
