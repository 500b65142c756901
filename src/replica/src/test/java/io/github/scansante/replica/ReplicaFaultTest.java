package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each fault kind, as a real HTTP client sees it. */
class ReplicaFaultTest {

  private final HttpClient client = Pages.client();

  private static String query(int i) {
    return "annee=2024&tgeo=de&codegeo=01&base=bpub&typrgp=tous&n=" + i;
  }

  private HttpResponse<String> get(URI uri, Duration timeout) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return get(uri, Duration.ofSeconds(10));
  }

  @Test
  void statusFaultsCarryRetryAfterAndHitEveryKthQueryOnce() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(
        ReplicaConfig.builder().faults("503:every=2:retry-after=1,429:every=3:retry-after=7,500:every=5").build())) {
      HttpResponse<String> first = get(replica.submitUri(query(1)));
      assertEquals(200, first.statusCode());
      HttpResponse<String> second = get(replica.submitUri(query(2)));
      assertEquals(503, second.statusCode());
      assertEquals(Optional.of("1"), second.headers().firstValue("Retry-After"));
      assertEquals(200, get(replica.submitUri(query(2))).statusCode(), "only the first attempt fails");
      HttpResponse<String> third = get(replica.submitUri(query(3)));
      assertEquals(429, third.statusCode());
      assertEquals(Optional.of("7"), third.headers().firstValue("Retry-After"));
      get(replica.submitUri(query(4)));
      HttpResponse<String> fifth = get(replica.submitUri(query(5)));
      assertEquals(500, fifth.statusCode());
      assertEquals(Optional.empty(), fifth.headers().firstValue("Retry-After"));
      assertEquals(200, get(replica.landingUri()).statusCode(), "faults apply to submit unless path=landing");
    }
  }

  @Test
  void burstsFailTheFirstAttemptsOfAQuery() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("502:every=1:attempts=3").build())) {
      for (int attempt = 1; attempt <= 3; attempt++) {
        assertEquals(502, get(replica.submitUri(query(1))).statusCode(), "attempt " + attempt);
      }
      assertEquals(200, get(replica.submitUri(query(1))).statusCode());
    }
  }

  @Test
  void slowAnswersOutlastAShortClientTimeout() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("slow:every=1:ms=1500").build())) {
      long start = System.nanoTime();
      assertThrows(HttpTimeoutException.class, () -> get(replica.submitUri(query(1)), Duration.ofMillis(500)));
      assertTrue(System.nanoTime() - start < 1_400_000_000L, "the client gave up before the answer");
      long retry = System.nanoTime();
      assertEquals(200, get(replica.submitUri(query(1))).statusCode(), "the retry is answered at once");
      assertTrue(System.nanoTime() - retry < 1_000_000_000L);
      long patient = System.nanoTime();
      HttpResponse<String> slow = get(replica.submitUri(query(2)), Duration.ofSeconds(5));
      assertEquals(200, slow.statusCode());
      assertTrue(System.nanoTime() - patient >= 1_500_000_000L, "answered after the delay");
      assertTrue(Pages.parse(slow.body()).rows().size() > 0, "a slow answer is a full page");
    }
  }

  @Test
  void resetClosesTheConnectionWithoutAnswer() throws Exception {
    // attempts=2 because the JDK client silently retries a GET once when a connection closes unanswered.
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("reset:every=1:attempts=2").build())) {
      assertThrows(IOException.class, () -> get(replica.submitUri(query(1))));
      List<RequestLog.Entry> log = replica.requestLog().submitEntries();
      assertEquals(List.of(0, 0), log.stream().map(RequestLog.Entry::status).toList());
      assertEquals(List.of("reset", "reset"), log.stream().map(RequestLog.Entry::fault).toList());
      assertEquals(200, get(replica.submitUri(query(1))).statusCode());
    }
  }

  @Test
  void truncateSendsAboutHalfOfTheAnnouncedBody() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("truncate:every=1").build())) {
      assertThrows(IOException.class, () -> get(replica.submitUri(query(1))));
      // A client reading the stream itself sees the short body before the error.
      HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(replica.submitUri(query(2))).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      long announced = response.headers().firstValueAsLong("Content-Length").orElseThrow();
      byte[] buffer = new byte[8192];
      long read = 0;
      try (InputStream in = response.body()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          read += n;
        }
      } catch (IOException expected) {
        // the connection closed early
      }
      assertTrue(read < announced && read >= announced / 2 - 8192, read + " of " + announced);
      assertEquals(200, get(replica.submitUri(query(2))).statusCode(), "a retry gets the whole page");
    }
  }

  @Test
  void truncateTableCutsMidTableInsideACellWithAMatchingLength() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("truncate-table:every=1").build())) {
      HttpResponse<byte[]> cut = client.send(HttpRequest.newBuilder(replica.submitUri(query(1))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, cut.statusCode());
      assertEquals(cut.body().length, cut.headers().firstValueAsLong("Content-Length").orElseThrow());
      String html = new String(cut.body(), StandardCharsets.UTF_8);
      assertTrue(html.substring(html.lastIndexOf('<')).startsWith("<td") && html.endsWith(">"), "ends in a cell");
      assertTrue(html.lastIndexOf("<tbody") > html.lastIndexOf("</table>"), "inside the data table");
      assertEquals(200, get(replica.submitUri(query(1))).statusCode(), "a retry gets the whole page");
    }
  }

  @Test
  void landingFaultsNeedPathLanding() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(
        ReplicaConfig.builder().faults("503:every=1:path=landing:retry-after=2").build())) {
      HttpResponse<String> landing = get(replica.landingUri());
      assertEquals(503, landing.statusCode());
      assertEquals(Optional.of("2"), landing.headers().firstValue("Retry-After"));
      assertEquals(200, get(replica.landingUri()).statusCode());
      assertEquals(200, get(replica.submitUri(query(1))).statusCode());
    }
  }

  @Test
  void rateFaultsAreReproducibleAcrossServers() throws Exception {
    String spec = "503:rate=0.3";
    String first = statuses(spec);
    assertEquals(first, statuses(spec));
    assertTrue(first.contains("503") && first.contains("200"), first);
  }

  private String statuses(String spec) throws Exception {
    StringBuilder sb = new StringBuilder();
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults(spec).build())) {
      for (int i = 0; i < 20; i++) {
        sb.append(get(replica.submitUri(query(i % 7))).statusCode()).append(' ');
      }
    }
    return sb.toString();
  }
}
