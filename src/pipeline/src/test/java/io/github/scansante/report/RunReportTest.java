package io.github.scansante.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

  /** Any element that would load something: a script, style sheet, image or frame from the network. */
  private static final Pattern REMOTE_REFERENCE = Pattern.compile(
      "<(script|link|img|iframe|source)\\b[^>]*\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE);

  @TempDir Path out;

  @Test
  void the_page_carries_grid_library_and_data_and_loads_nothing_from_the_network() throws IOException {
    ReportScenario.write(out);
    new AnalystOutputs(Catalogue.builtIn()).build(out);
    String html = Files.readString(out.resolve(RunReport.FILE_NAME), StandardCharsets.UTF_8);

    assertTrue(html.contains(EchartsScript.load()), "ECharts inlined whole");
    assertFalse(REMOTE_REFERENCE.matcher(html).find(), "nothing fetched from the network");
    Document doc = Jsoup.parse(html);
    assertEquals(2, doc.select("script").size());
    assertTrue(doc.select("script[src], link[href]").isEmpty());

    Element grid = doc.selectFirst("table#coverage");
    assertEquals(5, grid.select("tbody tr").size(), "one row per year, 2024 down to 2020");
    assertEquals("2024", grid.selectFirst("tbody tr th").text());
    assertTrue(grid.text().contains("Publics et PSPH"));
    // 2024, public, activité de soins: M and O written, C ignored by the site.
    Element medicine = grid.selectFirst("td.cell[title^=2024 · Publics et PSPH · Activité de soins]");
    assertEquals("2 data 1 grouping-not-applied", medicine.selectFirst(".counts").text());
    assertEquals(2, medicine.select(".bar span").size(), "one bar segment per outcome");
    assertFalse(doc.select("td.cell.tint-refused").isEmpty());
    assertTrue(doc.selectFirst("p.run").text().startsWith("Run 20250920T081500Z-cli"), "the last run of runs.csv");
  }

  @Test
  void site_text_cannot_break_out_of_the_page() throws IOException {
    ReportScenario.write(out);
    new AnalystOutputs(Catalogue.builtIn()).build(out);
    String html = Files.readString(out.resolve(RunReport.FILE_NAME), StandardCharsets.UTF_8);

    assertFalse(html.contains("<img src=x"), "the hostile name is never markup");
    assertTrue(html.contains("\\u003cimg src=x"), "it is in the chart data, escaped");
    assertTrue(Jsoup.parse(html).select("img").isEmpty());
  }

  @Test
  void a_run_with_no_table_yet_still_gets_a_page_with_its_grid() throws IOException {
    OutputFolder folder = new OutputFolder(out);
    folder.deadLetter(Combination.allStays("2024", "re", "11", "bpub"), Outcome.REFUSED, "Votre requête n'a pu aboutir");
    folder.writeManifest();
    new AnalystOutputs(Catalogue.builtIn()).build(out);
    Document doc = Jsoup.parse(out.resolve(RunReport.FILE_NAME).toFile(), "UTF-8");
    assertEquals("refused", doc.selectFirst("table#coverage td.cell .counts").text());
    assertTrue(doc.selectFirst("p.run").text().startsWith("No completed run"));
  }
}
