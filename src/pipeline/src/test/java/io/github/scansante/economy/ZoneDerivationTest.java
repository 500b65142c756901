package io.github.scansante.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.ResultPage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneDerivationTest {

  private static final List<String> COLUMNS = List.of("Catégorie", "Finess", "Raison Sociale", "Nombre de séjours");
  private static final ResultPage NATIONAL = new ResultPage(List.of("Activité MCO"), COLUMNS, List.of(
      List.of("CH", "750712184", "AP-HP", "21 687"),
      List.of("CH", "130786049", "AP-HM", "9 337"),
      List.of("CH", "920000650", "CH Nanterre", "1 à 10"),
      List.of("CH", "970100228", "CHU Pointe-à-Pitre", "4 120"),
      List.of("", "2A0000014", "", "12")), List.of("Total", "", "", "35 170"), "secret", "");

  private final ZoneDerivation derivation = new ZoneDerivation(Catalogue.builtIn());

  @Test
  void a_department_table_holds_the_national_rows_located_there_in_national_order() {
    ResultPage paris = derivation.derive(NATIONAL, "de", "75").orElseThrow();
    assertEquals(List.of(List.of("CH", "750712184", "AP-HP", "21 687")), paris.establishments());
    assertEquals(COLUMNS, paris.columns());
    assertTrue(paris.total().isEmpty(), "no Total is invented for a derived table");
    assertEquals(List.of(List.of("CH", "970100228", "CHU Pointe-à-Pitre", "4 120")),
        derivation.derive(NATIONAL, "de", "971").orElseThrow().establishments());
  }

  @Test
  void a_region_table_gathers_its_departments() {
    ResultPage ileDeFrance = derivation.derive(NATIONAL, "re", "11").orElseThrow();
    assertEquals(List.of("750712184", "920000650"), ileDeFrance.establishments().stream().map(r -> r.get(1)).toList());
    assertEquals(List.of("2A0000014"),
        derivation.derive(NATIONAL, "re", "94").orElseThrow().establishments().stream().map(r -> r.get(1)).toList());
  }

  @Test
  void a_zone_with_no_establishment_gives_an_empty_table_and_a_table_without_finess_gives_none() {
    assertTrue(derivation.derive(NATIONAL, "de", "48").orElseThrow().establishments().isEmpty());
    ResultPage noFiness = new ResultPage(List.of(), List.of("Catégorie", "Raison Sociale"),
        List.of(List.of("CH", "AP-HP")), List.of("Total", ""), "", "");
    assertTrue(derivation.derive(noFiness, "de", "75").isEmpty());
    assertTrue(derivation.derive(NATIONAL, "fe", "99").isEmpty());
  }

  @Test
  void comparison_names_the_first_differing_cell() {
    ResultPage derived = derivation.derive(NATIONAL, "re", "11").orElseThrow();
    assertTrue(TableComparison.firstDifference(derived, derived).isEmpty());
    ResultPage site = new ResultPage(List.of(), COLUMNS, List.of(
        List.of("CH", "750712184", "AP-HP", "21 687"),
        List.of("CH", "920000650", "CH Nanterre", "11")), List.of("Total", "", "", "21 698"), "", "");
    assertEquals("row 2, column 'Nombre de séjours': derived '1 à 10', site '11'",
        TableComparison.firstDifference(derived, site).orElseThrow());
    ResultPage shorter = new ResultPage(List.of(), COLUMNS, List.of(List.of("CH", "750712184", "AP-HP", "21 687")),
        List.of(), "", "");
    assertEquals("derived 2 establishments, site 1", TableComparison.firstDifference(derived, shorter).orElseThrow());
  }
}
