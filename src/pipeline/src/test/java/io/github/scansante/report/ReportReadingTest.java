package io.github.scansante.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the report tells a reader beyond the figures: partial years, why cells are empty, when the run ran. */
class ReportReadingTest {

  @Test
  void a_year_the_site_covers_for_some_months_only_is_marked_partial(@TempDir Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(String.join(",", MasterTable.HEADER));
    lines.add(masterRow("2023", "M12", "1000"));
    lines.add(masterRow("2024", "M7", "600"));
    Files.write(out.resolve(MasterTable.FILE_NAME), lines);
    JsonObject stays = (JsonObject) MasterSummary.of(out.resolve(MasterTable.FILE_NAME), List.of("bpub")).chartData().get("stays");
    assertEquals(Map.of("2024", "M7"), stays.get("partial"));
    String template = new String(RunReport.class.getClassLoader().getResourceAsStream(RunReport.TEMPLATE).readAllBytes());
    assertTrue(template.contains("' · partial'"), "the chart labels the partial year");
  }

  @Test
  void a_grid_cell_says_on_hover_why_its_combinations_wrote_nothing(@TempDir Path out) throws IOException {
    OutputFolder folder = new OutputFolder(out);
    folder.deadLetter(Combination.allStays("2024", "re", "11", "bpub"), Outcome.REFUSED, "Votre requête n'a pu aboutir");
    folder.deadLetter(Combination.allStays("2024", "re", "84", "bpub"), Outcome.REFUSED, "Votre requête n'a pu aboutir");
    folder.deadLetter(Combination.allStays("2024", "re", "93", "bpub"), Outcome.FAILED, "read timed out");
    folder.deadLetter(new Combination("2024", "fe", "99", "bpub", "A50", "C"), Outcome.GROUPING_NOT_APPLIED, "blank grouping line");
    folder.writeManifest();
    String html = CoverageGrid.of(ManifestFile.read(out), Catalogue.builtIn()).tableHtml();
    assertTrue(html.contains("(2 refused, 1 failed)\nrefused: Votre requête n&#39;a pu aboutir (×2)\nfailed: read timed out\""), html);
    assertTrue(html.contains("\ngrouping-not-applied: blank grouping line\""), html);
  }

  @Test
  void the_header_shows_local_times_not_iso_instants() {
    String line = LastRun.describe(Map.of("run_id", "r1", "started", "2025-09-20T08:15:00.123456Z", "ended", "2025-09-20T08:21:40Z"));
    assertTrue(line.matches(".*started 20 Sep 2025, \\d\\d:\\d\\d:00 \\S+ · ended 20 Sep 2025, \\d\\d:\\d\\d:40 \\S+ .*"), line);
    assertFalse(line.contains("T08:15"), line);
  }

  private static String masterRow(String year, String period, String stays) {
    List<String> cells = new ArrayList<>();
    for (String column : MasterTable.HEADER) {
      cells.add(switch (column) {
        case "annee" -> year;
        case "niveau_geo" -> "fe";
        case "code_zone" -> "99";
        case "base" -> "bpub";
        case "regroupement" -> Combination.ALL_STAYS;
        case "finess" -> "010007987";
        case "periode" -> period;
        case "sejours_total" -> stays;
        default -> "";
      });
    }
    return String.join(",", cells);
  }
}
