package io.github.scansante.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --http-port over real HTTP: health, metrics, the status page, its form and the files it links to. */
class ServiceHttpTest {

  private static final int COMBINATIONS = 6;
  /** Quick retries, so that the replica's injected 503s are retried at once. */
  private static final String[] QUICK_RETRIES = {"--set", "retry.initial-delay-ms=20", "--set", "retry.max-delay-ms=100",
      "--set", "retry.retry-after-cap-ms=100"};

  @Test
  void after_a_run_started_from_the_page_health_is_up_metrics_count_it_and_the_page_names_it(@TempDir Path out) throws Exception {
    ReplicaConfig faults = ReplicaConfig.builder().faults("503:every=3:retry-after=0").build();
    try (ReplicaServer replica = ReplicaServer.start(faults); Serve serve = Serve.start(with(QUICK_RETRIES, "--site",
        replica.baseUri().toString(), "--output", out.toString(), "--delay", "300ms", "--limit", Integer.toString(COMBINATIONS)))) {
      Document before = Jsoup.parse(serve.get("/").body());
      assertEquals("No run in progress.", before.getElementById("current-run").text());
      assertEquals("No completed run yet.", before.getElementById("runs").text());

      HttpResponse<String> started = serve.post("/run", "");
      assertEquals(303, started.statusCode());
      String location = started.headers().firstValue("Location").orElseThrow();
      assertTrue(location.startsWith("/?started="), location);
      String runId = location.substring("/?started=".length());
      HttpResponse<String> second = serve.post("/run", "");
      assertEquals("/?busy=" + runId, second.headers().firstValue("Location").orElseThrow(), "one run at a time");
      serve.await("the run to complete", () -> runs(out).size() == 2);
      serve.await("the run to end", () -> metric(body(serve, "/observe/metrics"), "scansante_run_in_progress") == 0);
      // The report is rebuilt from the verified files just after the run is recorded.
      serve.await("the report", () -> Files.exists(out.resolve("report.html")));

      HttpResponse<String> health = serve.get("/observe/health");
      assertEquals(200, health.statusCode(), health.body());
      JsonObject status = Jsoner.deserialize(health.body(), new JsonObject());
      assertEquals("UP", status.getString("status"));
      Map<String, String> checks = checks(status);
      for (String own : List.of("site-answered", "last-run-completed", "output-writable")) {
        assertEquals("UP", checks.get(own), own + " in " + checks);
      }

      String metrics = serve.get("/observe/metrics").body();
      String row = runs(out).get(1);
      assertTrue(row.startsWith(runId + ",complete,http,"), row);
      assertEquals(COMBINATIONS, metric(metrics, "scansante_combinations_total{outcome=\"data\"}"), metrics);
      Map<Integer, Long> served = replica.requestLog().entries().stream()
          .collect(Collectors.groupingBy(RequestLog.Entry::status, Collectors.counting()));
      assertTrue(served.getOrDefault(503, 0L) > 0, "the replica injected 503s: " + served);
      served.forEach((code, n) -> assertEquals(n.doubleValue(), metric(metrics, "scansante_requests_total{status=\"" + code + "\"}"), "status " + code));
      assertEquals(served.get(503).doubleValue(), metric(metrics, "scansante_retries_total"), "each 503 was asked again once");
      assertEquals(0, metric(metrics, "scansante_circuit_openings_total"));
      String[] cells = row.split(",");
      assertEquals(Instant.parse(cells[5]).getEpochSecond(), metric(metrics, "scansante_last_success_timestamp_seconds"));
      assertEquals(Long.parseLong(cells[6]), metric(metrics, "scansante_last_run_duration_seconds"));
      assertTrue(metrics.contains("camel_exchanges_total"), "Camel's own meters stay");

      Document after = Jsoup.parse(serve.get("/").body());
      assertEquals(StatusPage.TITLE, after.title());
      assertEquals("No run in progress.", after.getElementById("current-run").text());
      assertEquals(runId, after.select("table#runs tbody tr").first().child(0).text());
      assertEquals(List.of("/files/report.html", "/files/run-manifest.csv", "/files/dead-letter.log"),
          after.select("#files a").eachAttr("href"));
      HttpResponse<String> report = serve.get("/files/report.html");
      assertEquals(200, report.statusCode());
      assertEquals(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8), report.body());
      assertEquals(Files.readString(out.resolve(RunJournal.MANIFEST), StandardCharsets.UTF_8), serve.get("/files/run-manifest.csv").body());
      for (String notServed : List.of("/files/runs.csv", "/files/..%2Fruns.csv", "/files/.scansante", "/files/%2Fetc%2Fpasswd")) {
        assertEquals(404, serve.get(notServed).statusCode(), notServed);
      }

      int requests = replica.requestLog().size();
      HttpResponse<String> foreign = serve.post("/run", "", "Origin", "http://elsewhere.example");
      assertEquals(403, foreign.statusCode(), "a form posted from another site's page");
      Thread.sleep(500);
      assertEquals(requests, replica.requestLog().size(), "the refused form started nothing");
      assertEquals(2, runs(out).size());
    }
  }

  @Test
  void health_is_down_while_the_last_run_is_unfinished_and_when_the_site_does_not_answer(@TempDir Path out) throws Exception {
    Path state = Files.createDirectories(out.resolve(RunJournal.STATE_DIR));
    Files.writeString(state.resolve(RunJournal.RUN_STATE), "id=20260105T020000Z-quartz\ntrigger=quartz\nplan=strategic\nstarted=2026-01-05T02:00:00Z\n");
    try (Serve serve = Serve.start(with(QUICK_RETRIES, "--site", "http://127.0.0.1:9", "--output", out.toString(), "--delay", "0",
        "--limit", "1", "--set", "retry.max-retries=0", "--set", "site.discover-form=false"))) {
      HttpResponse<String> interrupted = serve.get("/observe/health");
      assertEquals(503, interrupted.statusCode());
      Map<String, String> checks = checks(Jsoner.deserialize(interrupted.body(), new JsonObject()));
      assertEquals("DOWN", checks.get("last-run-completed"));
      assertEquals("UP", checks.get("site-answered"), "no request yet");
      assertTrue(Jsoup.parse(serve.get("/").body()).getElementById("interrupted") != null);

      assertEquals(303, serve.post("/run", "").statusCode());
      serve.await("the resumed run to complete", () -> runs(out).size() == 2);
      serve.await("the run to end", () -> metric(body(serve, "/observe/metrics"), "scansante_run_in_progress") == 0);
      HttpResponse<String> siteDown = serve.get("/observe/health?data=true");
      assertEquals(503, siteDown.statusCode());
      checks = checks(Jsoner.deserialize(siteDown.body(), new JsonObject()));
      assertEquals("UP", checks.get("last-run-completed"), "the resumed run completed");
      assertEquals("DOWN", checks.get("site-answered"), siteDown.body());
      assertTrue(siteDown.body().contains("no answer"), siteDown.body());
      assertEquals(1, metric(body(serve, "/observe/metrics"), "scansante_requests_total{status=\"no-answer\"}"));
      assertEquals(1, metric(body(serve, "/observe/metrics"), "scansante_combinations_total{outcome=\"failed\"}"));
    }
  }

  @Test
  void with_a_token_file_the_form_needs_the_token(@TempDir Path out, @TempDir Path secrets) throws Exception {
    Path token = Files.writeString(secrets.resolve("token"), "s3cret-token\n");
    try (Serve serve = Serve.start("--site", "http://127.0.0.1:9", "--output", out.toString(), "--delay", "0", "--limit", "1",
        "--set", "retry.max-retries=0", "--set", "site.discover-form=false", "--http-token-file", token.toString())) {
      assertFalse(Jsoup.parse(serve.get("/").body()).select("input[name=token][type=password]").isEmpty());
      assertEquals(403, serve.post("/run", "").statusCode());
      assertEquals(403, serve.post("/run", "token=wrong").statusCode());
      assertEquals("No run in progress.", Jsoup.parse(serve.get("/").body()).getElementById("current-run").text(), "nothing started");
      HttpResponse<String> accepted = serve.post("/run", "token=s3cret-token");
      assertEquals(303, accepted.statusCode());
      assertTrue(accepted.headers().firstValue("Location").orElseThrow().startsWith("/?started="));
      serve.await("the run to complete", () -> runs(out).size() == 2);
    }
  }

  @Test
  void binding_beyond_loopback_without_a_token_is_refused_before_anything_listens() {
    Cli.Result r = Cli.execute("serve", "--http-port", "8321", "--http-host", "0.0.0.0");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.err().contains("--http-token-file"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void the_process_listens_on_loopback_only(@TempDir Path out) throws Exception {
    assumeTrue(Files.isReadable(ListeningSockets.TCP4), "needs Linux's /proc/net/tcp");
    try (Serve serve = Serve.start("--site", "http://127.0.0.1:9", "--output", out.toString())) {
      List<ListeningSockets.Socket> listening = ListeningSockets.ofThisProcess();
      List<Integer> ports = listening.stream().map(ListeningSockets.Socket::port).toList();
      assertTrue(ports.contains(serve.httpPort) && ports.contains(serve.jmxPort), listening.toString());
      assertTrue(listening.stream().allMatch(ListeningSockets.Socket::loopback), "listening beyond loopback: " + listening);
    }
  }

  private static String[] with(String[] first, String... more) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more)).toArray(String[]::new);
  }

  private static Map<String, String> checks(JsonObject health) {
    JsonArray checks = (JsonArray) health.get("checks");
    return checks.stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status"), (a, b) -> a));
  }

  /** The value of one series of a Prometheus text exposition, e.g. {@code name{label="v"}}. */
  static double metric(String exposition, String series) {
    return exposition.lines().filter(l -> l.startsWith(series + " ")).map(l -> Double.parseDouble(l.substring(series.length() + 1)))
        .findFirst().orElseThrow(() -> new AssertionError(series + " not in the metrics"));
  }

  private static String body(Serve serve, String path) {
    try {
      return serve.get(path).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<String> runs(Path out) {
    try {
      Path file = out.resolve(RunJournal.RUNS);
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
