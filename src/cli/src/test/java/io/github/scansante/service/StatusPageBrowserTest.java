package io.github.scansante.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page as an operator sees it, in headless Chromium, during a run started from the page's
 * form and after it. Chromium is required, as for the report's browser test: without it the test
 * fails, unless {@code SCANSANTE_SKIP_BROWSER=1}. The screenshots stay under {@code target/}.
 */
class StatusPageBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String SKIP_VARIABLE = "SCANSANTE_SKIP_BROWSER";
  static final Path DURING = Path.of("target", "status-page-during-run.png");
  static final Path AFTER = Path.of("target", "status-page-after-run.png");
  private static final String WINDOW = "--window-size=1280,1000";
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path profile;

  @BeforeEach
  void requireChromium() {
    if ("1".equals(System.getenv(SKIP_VARIABLE))) {
      Assumptions.abort(SKIP_VARIABLE + "=1: headless-browser check of the status page skipped");
    }
    if (!Files.isExecutable(CHROMIUM)) {
      fail(CHROMIUM + " not found: install it (apt-get install -y chromium) or set " + SKIP_VARIABLE + "=1 to skip this test");
    }
  }

  @Test
  void chromium_shows_the_run_in_progress_then_the_completed_run(@TempDir Path out) throws Exception {
    // About 1.5 s a combination: long enough for two browser visits while the run is in progress.
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults()); Serve serve = Serve.start("--site",
        replica.baseUri().toString(), "--output", out.toString(), "--delay", "1500ms", "--limit", "16")) {
      String location = serve.post("/run", "").headers().firstValue("Location").orElseThrow();
      String runId = location.substring(location.indexOf('=') + 1);
      serve.await("the first combination", () -> ServiceHttpTest.runs(out).isEmpty() && progressStarted(serve));

      screenshot(serve, DURING);
      Document during = dom(serve);
      assertEquals(runId, during.getElementById("current-run").text(), "the run was still in progress after the screenshot");
      Element bar = during.getElementById("progress-bar");
      assertEquals("16", bar.attr("max"));
      assertTrue(Integer.parseInt(bar.attr("value")) >= 1, bar.outerHtml());
      assertTrue(during.getElementById("progress").text().matches("\\d+/16 combinations .* ETA .*"), during.getElementById("progress").text());
      assertFalse(during.select("meta[http-equiv=refresh]").isEmpty(), "reloads itself while a run is in progress");

      serve.await("the run to complete", () -> ServiceHttpTest.runs(out).size() == 2);
      serve.await("the report", () -> Files.exists(out.resolve("report.html")));
      Document after = dom(serve);
      screenshot(serve, AFTER);
      assertEquals("No run in progress.", after.getElementById("current-run").text());
      assertEquals(runId, after.select("table#runs tbody tr").first().child(0).text());
      assertEquals(List.of("report.html", "run-manifest.csv", "dead-letter.log"), after.select("#files a").eachText());
      assertTrue(after.select("meta[http-equiv=refresh]").isEmpty());
      assertFalse(after.getElementById("next-fire").text().isBlank());
    }
  }

  private static boolean progressStarted(Serve serve) {
    try {
      Element bar = Jsoup.parse(serve.get("/").body()).getElementById("progress-bar");
      return bar != null && !bar.attr("value").equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Document dom(Serve serve) throws Exception {
    Run dump = chromium(serve, "--dump-dom");
    assertEquals(0, dump.exit(), dump.stderr());
    return Jsoup.parse(dump.stdout());
  }

  private void screenshot(Serve serve, Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    Run shot = chromium(serve, "--screenshot=" + file.toAbsolutePath());
    assertEquals(0, shot.exit(), shot.stderr());
    assertTrue(Files.size(file) > 0, "screenshot written to " + file);
  }

  private record Run(int exit, String stdout, String stderr) {}

  private Run chromium(Serve serve, String action) throws IOException, InterruptedException {
    Path data = Files.createTempDirectory(profile, "chromium");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + data, "--enable-logging=stderr", "--v=0", WINDOW, action,
        serve.uri("/").toString()));
    Path stdout = Files.createTempFile(profile, "stdout", ".txt");
    Path stderr = Files.createTempFile(profile, "stderr", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(stderr));
    }
    return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
  }
}
