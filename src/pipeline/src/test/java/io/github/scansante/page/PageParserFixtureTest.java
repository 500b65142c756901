package io.github.scansante.page;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parser against the four pages captured from the real site. */
class PageParserFixtureTest {

  private static final List<String> TWELVE_COLUMNS =
      List.of(
          "Catégorie",
          "Finess",
          "Raison Sociale",
          "Période",
          "Nombre de séjours séances total",
          "Nombre de séjours en hospit complète",
          "Nombre de séjours en hospit partielle",
          "Nombre de séances",
          "Sexe ratio (% homme)",
          "Age moyen",
          "Durée moyenne de séjour",
          "% décès");

  private final PageParser parser = new PageParser();

  private ResultPage page(String name) throws IOException {
    return parser.parse(Files.readAllBytes(Fixtures.page(name)), UTF_8);
  }

  private static List<String> row(ResultPage page, String finess) {
    int column = page.column("Finess");
    return page.establishments().stream()
        .filter(r -> r.get(column).equals(finess))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for FINESS " + finess));
  }

  @Test
  void allStaysPageHas773EstablishmentsUnderTwelveColumns() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_tous.html");

    assertEquals(TWELVE_COLUMNS, page.columns());
    assertEquals(773, page.establishments().size());
    assertTrue(page.establishments().stream().allMatch(r -> r.size() == 12));
    assertEquals(
        List.of("CH", "010007987", "CH HAUTEVILLE-LOMPNES", "M12", "572", "497", "75", "0",
            "59,6 %", "62,42", "10,77", "15,9 %"),
        page.establishments().get(0));
    assertEquals(
        List.of("", "", "Total", "", "NA", "NA", "NA", "NA", "48,3 %", "56,65", "2,15", "1,3 %"),
        page.total());
    assertTrue(page.footer().startsWith("Des résultats peuvent être masqués"), page.footer());
    assertEquals("", page.notice());
    assertTrue(page.hasDataTable());
    assertFalse(page.isEmptyTable());
  }

  @Test
  void headerBreakIsAWordBreakNeverGlued() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_tous.html");

    assertEquals(4, page.column("Nombre de séjours séances total"));
    assertEquals(-1, page.column("Nombre de séjoursséances total"));
  }

  @Test
  void cellsKeepTheSiteFormatsTrimmedOfPadding() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_tous.html");

    List<String> masked = row(page, "010009132");
    assertEquals("1 à 10", masked.get(page.column("Nombre de séjours en hospit partielle")));
    assertEquals("82,27", masked.get(page.column("Age moyen")));
    assertEquals("5 816", row(page, "010008407").get(page.column("Nombre de séjours en hospit complète")));
    assertEquals("100,0 %", row(page, "280000225").get(page.column("Sexe ratio (% homme)")));
    // No cell keeps the padding (ASCII or non-breaking) the site puts around values.
    assertTrue(
        page.establishments().stream()
            .flatMap(List::stream)
            .noneMatch(c -> !c.isEmpty() && (Whitespace.isPadding(c.charAt(0))
                || Whitespace.isPadding(c.charAt(c.length() - 1)))));
  }

  @Test
  void corsicanFinessStayAlphanumeric() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_tous.html");
    int finess = page.column("Finess");

    List<String> corsican =
        page.establishments().stream()
            .map(r -> r.get(finess))
            .filter(f -> f.startsWith("2A") || f.startsWith("2B"))
            .collect(Collectors.toList());
    assertEquals(
        List.of("2A0000014", "2A0000170", "2A0000386", "2A0002606", "2B0000020", "2B0004246", "2B0005342"),
        corsican);
    assertEquals("CH GAL D'AJACCIO", row(page, "2A0000014").get(page.column("Raison Sociale")));
  }

  @Test
  void rowsWithAFinessButBlankCategoryAndNameAreKept() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_tous.html");

    // The non-breaking space the site sends in an empty cell becomes "".
    assertEquals(
        List.of("", "100013010", "", "", "1 794", "304", "1 490", "17", "50,1 %", "56,41", "0,49", "0,2 %"),
        row(page, "100013010"));
    long blankNames =
        page.establishments().stream().filter(r -> r.get(page.column("Raison Sociale")).isEmpty()).count();
    assertEquals(4, blankNames);
  }

  @Test
  void establishmentsListedTwiceUnderTwoNamesAreKeptAsSent() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_tous.html");
    int finess = page.column("Finess");
    int name = page.column("Raison Sociale");

    List<String> names =
        page.establishments().stream()
            .filter(r -> r.get(finess).equals("750150237"))
            .map(r -> r.get(name))
            .collect(Collectors.toList());
    // Inner double spaces are the site's own: only the padding around a value is trimmed.
    assertEquals(
        List.of("CENTRE  HOPITAL DE LA CROIX ST-SIMON  PARIS", "HÔPITAL DE LA CROIX SAINT SIMON"), names);
  }

  @Test
  void criteriaEchoIsReadLineByLine() throws IOException {
    assertEquals(
        List.of(
            "Activité MCO",
            "Année: 2024 (mise à jour hebdomadaire / dernière mise à jour le 22 juillet 2025)",
            "Zone géographique : France Entière",
            "Catégorie d'établissement: Publics et PSPH",
            "Choix de regroupement: Tous séjours/séances"),
        page("2024_fe_99_bpub_tous.html").criteria());
  }

  @Test
  void unrecognisedGroupingKeepsTheBlankLineAndTheFullTable() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_unrecognized-grouping.html");

    assertEquals(5, page.criteria().size());
    assertEquals("", page.criteria().get(4));
    assertEquals(773, page.establishments().size());
  }

  @Test
  void emptyPageHasElevenColumnsAndOnlyTheTotal() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_empty-total-only.html");

    assertEquals(11, page.columns().size());
    assertEquals(-1, page.column("Nombre de séances"));
    assertTrue(page.isEmptyTable());
    assertEquals(
        List.of("", "", "Total", "", "0", "0", "0", "0,0 %", "0,00", "", "0,0 %"), page.total());
  }

  @Test
  void refusedPageHasNoTableButANotice() throws IOException {
    ResultPage page = page("error_requete-n-a-pu-aboutir.html");

    assertFalse(page.hasDataTable());
    assertFalse(page.isEmptyTable());
    assertTrue(page.notice().startsWith("Votre requête n'a pu aboutir"), page.notice());
    assertEquals(List.of(), page.criteria());
    assertEquals(List.of(), page.establishments());
    assertEquals("", page.footer());
  }

  @Test
  void stringAndByteEntryPointsAgree() throws IOException {
    byte[] body = Files.readAllBytes(Fixtures.page("2024_fe_99_bpub_tous.html"));

    assertEquals(parser.parse(body, UTF_8), parser.parse(new String(body, UTF_8)));
  }
}
