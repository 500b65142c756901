package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request log records arrivals, timing and sessions, and survives a trip through CSV. */
class RequestLogTest {

  @TempDir
  Path dir;

  @Test
  void recordsEachRequestWithItsSessionCookie() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
      Instant before = Instant.now();
      Pages.get(HttpClient.newHttpClient(), replica.submitUri(Pages.TOUS)); // no session
      Pages.get(browser, replica.landingUri());
      Pages.get(browser, replica.submitUri("annee=2024&tgeo=re&codegeo=11&base=bpub&typrgp=tous"));
      browser.send(HttpRequest.newBuilder(replica.baseUri().resolve("/nowhere")).build(), HttpResponse.BodyHandlers.discarding());

      List<RequestLog.Entry> all = replica.requestLog().entries();
      assertEquals(4, all.size());
      assertEquals(List.of(false, false, true, true), all.stream().map(RequestLog.Entry::hadSessionCookie).toList());
      assertEquals(List.of(200, 200, 200, 404), all.stream().map(RequestLog.Entry::status).toList());
      assertEquals("/applications/cartographie-activite-MCO", all.get(1).path());
      assertEquals("", all.get(1).rawQuery());
      assertEquals("annee=2024&tgeo=re&codegeo=11&base=bpub&typrgp=tous", all.get(2).rawQuery());
      assertTrue(all.stream().allMatch(e -> e.method().equals("GET") && e.fault().isEmpty()));
      for (int i = 1; i < all.size(); i++) {
        assertTrue(all.get(i).nanoTime() > all.get(i - 1).nanoTime());
      }
      assertFalse(all.get(0).at().isBefore(before.minusMillis(1)));

      List<RequestLog.Entry> submits = replica.requestLog().submitEntries();
      assertEquals(List.of(all.get(0), all.get(2)), submits);
    }
  }

  @Test
  void slowRequestsAreLoggedOnArrival() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("slow:every=1:ms=800").build())) {
      HttpClient client = HttpClient.newHttpClient();
      long sent = System.nanoTime();
      CompletableFuture<HttpResponse<String>> pending = client.sendAsync(
          HttpRequest.newBuilder(replica.submitUri(Pages.TOUS)).build(), HttpResponse.BodyHandlers.ofString());
      long deadline = System.nanoTime() + 700_000_000L;
      while (replica.requestLog().size() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(1, replica.requestLog().size(), "logged while the answer is still held back");
      assertFalse(pending.isDone());
      RequestLog.Entry entry = replica.requestLog().entries().get(0);
      assertEquals("slow", entry.fault());
      assertEquals(200, pending.get().statusCode());
      long answered = System.nanoTime();
      assertTrue(entry.nanoTime() - sent < 500_000_000L, "timestamp is the arrival");
      assertTrue(answered - entry.nanoTime() >= 800_000_000L, "answer came after the delay");
    }
  }

  @Test
  void writesAndReadsCsvAndAppendsAsRequestsArrive() throws Exception {
    Path live = dir.resolve("live.csv");
    try (ReplicaServer replica = ReplicaServer.start(
        ReplicaConfig.builder().requestLogFile(live).faults("503:every=2:retry-after=1").build())) {
      HttpClient client = HttpClient.newHttpClient();
      client.send(HttpRequest.newBuilder(replica.submitUri("a=1&b=%C3%A9,x")).build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(2, Files.readAllLines(live).size(), "header and the first request, before the server stops");
      client.send(HttpRequest.newBuilder(replica.submitUri("a=2")).build(), HttpResponse.BodyHandlers.discarding());

      Path written = dir.resolve("written.csv");
      replica.requestLog().writeCsv(written);
      List<RequestLog.Entry> read = RequestLog.readCsv(written);
      assertEquals(replica.requestLog().entries(), read);
      assertEquals(read, RequestLog.readCsv(live));
      assertEquals(503, read.get(1).status());
      assertEquals("503", read.get(1).fault());
      assertEquals("a=1&b=%C3%A9,x", read.get(0).rawQuery());
    }
  }

  @Test
  void appendingToAnExistingFileKeepsOneHeader() throws Exception {
    Path live = dir.resolve("again.csv");
    for (int run = 0; run < 2; run++) {
      try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().requestLogFile(live).build())) {
        Pages.get(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), replica.landingUri());
      }
    }
    assertEquals(2, RequestLog.readCsv(live).size());
  }
}
