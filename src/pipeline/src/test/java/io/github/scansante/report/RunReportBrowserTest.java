package io.github.scansante.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.scansante.catalogue.Catalogue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium, from a file and with networking off, and checks that the
 * grid is there and that ECharts drew every chart (the SVG renderer puts the drawing in the DOM).
 * The data come from the replica, so the check runs on any machine with Debian's chromium; without
 * it each test is skipped with the reason. The page and a screenshot stay under {@code target/} for
 * a person to look at.
 */
class RunReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path ARTEFACTS = Path.of("target", "report-artefact");
  private static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
  private static final String WINDOW = "--window-size=1400,2000";
  private static final long TIMEOUT_SECONDS = 120;
  private static final List<String> CHARTS = List.of("chart-stays", "chart-masked", "chart-top");
  private static final int BARS_IN_TOP = MasterSummary.TOP_ESTABLISHMENTS;
  /** How ECharts ends a truncated axis label. */
  private static final String ELLIPSIS = "...";

  @TempDir static Path profile;
  private static Path report;

  /** Per test, not per class: surefire counts and shows a skip only there. */
  @BeforeEach
  void requireChromium() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        CHROMIUM + " not found (apt-get install -y chromium): headless-browser check of report.html skipped");
  }

  @BeforeAll
  static void writeTheReport() throws IOException {
    deleteTree(ARTEFACTS);
    ReportScenario.write(ARTEFACTS);
    new AnalystOutputs(Catalogue.builtIn()).build(ARTEFACTS);
    report = ARTEFACTS.resolve(RunReport.FILE_NAME).toAbsolutePath();
  }

  @Test
  void chromium_draws_the_grid_and_every_chart_without_a_script_error() throws Exception {
    BrowserRun dump = chromium("--dump-dom");
    assertEquals(0, dump.exit(), dump.stderr());
    assertFalse(dump.stderr().contains("Uncaught"), dump.stderr());

    Document dom = Jsoup.parse(dump.stdout());
    assertEquals(RunReport.TITLE, dom.title(), "no script from the data ran");
    assertTrue(dom.select("img").isEmpty());
    Element grid = dom.selectFirst("table#coverage");
    assertTrue(grid != null && !grid.select("td.cell.tint-data").isEmpty(), "grid rendered");
    for (String chart : CHARTS) {
      Element svg = dom.selectFirst("#" + chart + " svg");
      assertTrue(svg != null, chart + " has no svg: ECharts did not draw");
      assertFalse(svg.select("path").isEmpty(), chart + " drew nothing");
    }
    assertEquals(ReportScenario.NEWEST, dom.selectFirst("#top-year").text());
    List<String> drawn = dom.select("#chart-top svg text").eachText();
    List<String> largest = largestEstablishments();
    assertEquals(BARS_IN_TOP, largest.size());
    for (String name : largest) {
      assertTrue(drawn.stream().anyMatch(t -> t.equals(name) || t.endsWith(ELLIPSIS) && name.startsWith(t.substring(0, t.length() - ELLIPSIS.length()))),
          name + " not drawn among " + drawn);
    }
  }

  /** The names the top chart should show, straight from the master. */
  private static List<String> largestEstablishments() throws IOException {
    try (Reader r = Files.newBufferedReader(ARTEFACTS.resolve(MasterTable.FILE_NAME), StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return p.stream()
          .filter(row -> row.get("annee").equals(ReportScenario.NEWEST) && row.get("regroupement").equals("tous")
              && !row.get("sejours_total").isEmpty())
          .sorted(Comparator.comparingLong((CSVRecord row) -> Long.parseLong(row.get("sejours_total"))).reversed())
          .limit(BARS_IN_TOP).map(row -> row.get("raison_sociale")).toList();
    }
  }

  @Test
  void chromium_takes_a_screenshot_of_the_page() throws Exception {
    Files.deleteIfExists(SCREENSHOT);
    BrowserRun shot = chromium("--screenshot=" + SCREENSHOT.toAbsolutePath());
    assertEquals(0, shot.exit(), shot.stderr());
    assertFalse(shot.stderr().contains("Uncaught"), shot.stderr());
    assertTrue(Files.size(SCREENSHOT) > 0, "screenshot written to " + SCREENSHOT);
  }

  private record BrowserRun(int exit, String stdout, String stderr) {}

  private static BrowserRun chromium(String action) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile.resolve(action.replaceAll("\\W", "")), "--enable-logging=stderr",
        "--v=0", WINDOW, action, report.toUri().toString()));
    Path stdout = Files.createTempFile(profile, "stdout", ".txt");
    Path stderr = Files.createTempFile(profile, "stderr", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(stderr));
    }
    return new BrowserRun(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
