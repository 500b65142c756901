package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The replica must not be what slows the pipeline's tests and demo down. Bounds are loose (shared
 * CI machines); the measured figures are printed for the record.
 */
class ReplicaPerformanceTest {

  @Test
  void startsQuicklyAndServesFrancePagesInMilliseconds() throws Exception {
    long start = System.nanoTime();
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().seed(99).build())) {
      long startup = System.nanoTime() - start;
      HttpClient client = Pages.client();
      String query = "annee=2023&tgeo=fe&codegeo=99&base=bpub&typrgp=tous";
      int size = Pages.get(client, replica.submitUri(query)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      long[] times = new long[40];
      for (int i = 0; i < times.length; i++) {
        long t = System.nanoTime();
        Pages.get(client, replica.submitUri(query));
        times[i] = System.nanoTime() - t;
      }
      Arrays.sort(times);
      long median = times[times.length / 2];
      System.out.printf("replica startup %d ms, France page %d bytes served in %.1f ms (median over HTTP)%n",
          startup / 1_000_000, size, median / 1e6);
      assertTrue(startup < 3_000_000_000L, "startup took " + startup / 1_000_000 + " ms");
      assertTrue(median < 100_000_000L, "a France page took " + median / 1_000_000 + " ms");
    }
  }
}
