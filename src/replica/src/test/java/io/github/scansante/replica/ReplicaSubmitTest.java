package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The submit endpoint honours the real site's contract, over real HTTP. */
class ReplicaSubmitTest {

  private static ReplicaServer replica;

  @BeforeAll
  static void start() {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
  }

  @AfterAll
  static void stop() {
    replica.close();
  }

  private static Pages.Page page(String query) throws Exception {
    return Pages.submit(replica, query);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "annee=2024&tgeo=fe&codegeo=99&base=ball&typrgp=tous",
      "annee=2024&tgeo=fe&codegeo=99&base=bxyz&typrgp=tous",
      "annee=2024&tgeo=fe&codegeo=99&typrgp=tous",
      "annee=2014&tgeo=fe&codegeo=99&base=bpub&typrgp=tous",
      "tgeo=fe&codegeo=99&base=bpub&typrgp=tous",
      "annee=2024&tgeo=fe&codegeo=11&base=bpub&typrgp=tous",
      "annee=2024&tgeo=re&codegeo=976&base=bpub&typrgp=tous",
      "annee=2024&tgeo=de&codegeo=84x&base=bpub&typrgp=tous",
      "annee=2024&tgeo=xx&codegeo=99&base=bpub&typrgp=tous",
      "annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=",
      "annee=2024&tgeo=fe&codegeo=99&base=bpub",
      "annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=ASO",
      ""})
  void refusesWhatTheSiteRefuses(String query) throws Exception {
    HttpResponse<String> response = Pages.client().send(
        java.net.http.HttpRequest.newBuilder(replica.submitUri(query)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), "the site answers refusals with 200");
    Pages.Page page = Pages.parse(response.body());
    assertTrue(page.refused(), query);
    assertTrue(page.html().contains("<div class=\"snatih\"><p>Votre requête n'a pu aboutir</p>"));
    assertFalse(page.html().contains("<table"), "no table in a refusal");
  }

  @Test
  void allStaysEchoesEveryCriterion() throws Exception {
    Pages.Page page = page(Pages.TOUS);
    assertEquals(List.of("Activité MCO",
        "Année: 2024 (mise à jour hebdomadaire / dernière mise à jour le 22 juillet 2025)",
        "Zone géographique : France Entière",
        "Catégorie d'établissement: Publics et PSPH",
        "Choix de regroupement: Tous séjours/séances"), page.echo());
    assertEquals(12, page.headers().size());
    assertTrue(page.rows().size() > 650 && page.rows().size() < 800, "about 700 public establishments: " + page.rows().size());
    assertTrue(page.rows().stream().allMatch(r -> r.get(3).equals("M7") || r.get(3).equals("\u00a0")));
    assertEquals(List.of("NA", "NA", "NA", "NA"), page.total().subList(4, 8), "the site prints NA for 12-column totals");
  }

  @Test
  void echoesFrozenYearsZonesAndBases() throws Exception {
    Pages.Page region = page("annee=2019&tgeo=re&codegeo=11&base=bpri&typrgp=tous");
    assertEquals("Année: 2019", region.echo().get(1));
    assertEquals("Zone géographique : ILE-DE-FRANCE", region.echo().get(2));
    assertEquals("Catégorie d'établissement: Privés OQN", region.echo().get(3));
    assertTrue(region.rows().stream().allMatch(r -> r.get(3).equals("M12") || r.get(3).equals("\u00a0")));
    Pages.Page paris = page("annee=2019&tgeo=de&codegeo=75&base=bpub&typrgp=tous");
    assertEquals("Zone géographique : PARIS", paris.echo().get(2));
    assertTrue(paris.finesses().stream().allMatch(f -> f.startsWith("75")));
  }

  @Test
  void misspeltGroupingFieldGivesBlankLineAndTheUnfilteredTable() throws Exception {
    Pages.Page all = page(Pages.TOUS);
    Pages.Page misspelt = page("snatnav=&annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&ASO=M");
    assertEquals("", misspelt.groupingLine());
    assertTrue(misspelt.html().contains(
        "<td class=\"c data\" style=\" font-size: small; font-weight: bold; width: 20.0cm;\">\u00a0</td>"));
    assertEquals(all.echo().subList(0, 4), misspelt.echo().subList(0, 4));
    assertEquals(all.headers(), misspelt.headers());
    assertEquals(all.rows(), misspelt.rows());
    assertEquals(all.total(), misspelt.total());
  }

  @ParameterizedTest
  @ValueSource(strings = {"typrgp=rgpGHM", "typrgp=rgpGHM&A50=Q", "typrgp=rgpGHM&A50=M&CAS=C",
      "typrgp=rgpGHM&GP=C99", "typrgp=rgpGHM&racine=01C03", "typrgp=rgpGHM&A50=&CAS=&DA=&GP="})
  void unrecognisedGroupingsAreSilentlyIgnored(String grouping) throws Exception {
    Pages.Page page = page("annee=2024&tgeo=re&codegeo=53&base=bpub&" + grouping);
    Pages.Page all = page("annee=2024&tgeo=re&codegeo=53&base=bpub&typrgp=tous");
    assertEquals("", page.groupingLine());
    assertEquals(all.rows(), page.rows());
  }

  @Test
  void activityRestrictionIsASubsetOfAllStays() throws Exception {
    Pages.Page all = page(Pages.TOUS);
    Pages.Page medicine = page("snatnav=&annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&A50=M&CAS=&DA=&GP=&racine=&GHM=");
    assertEquals("Choix de regroupement: Activité de soins : Médecine", medicine.groupingLine());
    assertEquals(11, medicine.headers().size());
    assertFalse(medicine.headers().contains("Nombre de séances"));
    assertNotEquals(all.rows(), medicine.rows());
    Set<String> allFiness = new HashSet<>(all.finesses());
    assertTrue(allFiness.containsAll(medicine.finesses()));
    for (List<String> row : medicine.rows()) {
      List<String> full = all.row(row.get(1));
      for (int col = 4; col <= 6; col++) {
        Long restricted = Pages.count(row.get(col));
        Long unrestricted = Pages.count(full.get(col));
        if (restricted != null && unrestricted != null) {
          assertTrue(restricted <= unrestricted, row.get(1) + " column " + col);
        }
      }
    }
  }

  @Test
  void echoesEachGroupingField() throws Exception {
    String base = "annee=2023&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&";
    assertEquals("Choix de regroupement: Activité de soins : Chirurgie", page(base + "A50=C").groupingLine());
    assertEquals("Choix de regroupement: Activité de soins : Obstétrique hors séance", page(base + "A50=O").groupingLine());
    assertEquals("Choix de regroupement: Catégorie d'activité de soins : C - Chirurgie", page(base + "CAS=C").groupingLine());
    assertEquals("Choix de regroupement: Domaine d'activité : D01 - Digestif", page(base + "DA=D01").groupingLine());
    Pages.Page gp = page(base + "GP=C01");
    assertEquals("Choix de regroupement: Groupe de planification : C01 - Transplant. d'organes (hors greffes de moelle & cornée)",
        gp.groupingLine());
    assertTrue(gp.html().contains("(hors greffes de moelle &amp; cornée)"), "labels are HTML-escaped");
    assertEquals(11, gp.headers().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"CAS=S", "DA=D27", "GP=S01"})
  void groupingsWithSeancesKeepTheSeancesColumn(String grouping) throws Exception {
    Pages.Page page = page("annee=2022&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&" + grouping);
    assertEquals(12, page.headers().size());
    assertEquals(List.of("NA", "NA", "NA", "NA"), page.total().subList(4, 8));
    for (List<String> row : page.rows()) {
      assertEquals("0", row.get(4).strip(), "séances are not stays");
    }
  }

  @Test
  void elevenColumnTotalsAreTrueSumsIncludingMaskedValues() throws Exception {
    Pages.Page page = page("annee=2021&tgeo=re&codegeo=84&base=bpub&typrgp=rgpGHM&GP=C16");
    SyntheticDataset data = replica.dataset();
    Figures sum = data.table("2021", "bpub", "re", "84", new Grouping("GP", "C16")).stream()
        .map(SyntheticDataset.Row::figures).reduce(Figures.ZERO, Figures::plus);
    assertEquals(sum.stays(), Pages.count(page.total().get(4)));
    assertEquals(sum.hc(), Pages.count(page.total().get(5)));
    assertEquals(sum.hp(), Pages.count(page.total().get(6)));
    assertTrue(page.rows().stream().anyMatch(r -> r.contains(CellFormat.count(5))), "some cells are masked");
  }

  @Test
  void smallCountsAreMaskedAsOnTheSite() throws Exception {
    Pages.Page page = page("annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&GP=X17");
    String masked = "1 à 10" + " ".repeat(34);
    int seen = 0;
    for (List<String> row : page.rows()) {
      Establishment e = replica.dataset().establishments().stream().filter(x -> x.finess().equals(row.get(1))).findFirst().orElseThrow();
      Figures truth = replica.dataset().figures("2024", e, new Grouping("GP", "X17"));
      long[] values = {truth.stays(), truth.hc(), truth.hp()};
      for (int i = 0; i < 3; i++) {
        String cell = row.get(4 + i);
        if (values[i] >= 1 && values[i] <= 10) {
          assertEquals(masked, cell);
          seen++;
        } else {
          assertEquals(values[i], Pages.count(cell), "shown in full: " + cell);
          assertEquals(40, cell.length());
        }
      }
    }
    assertTrue(seen > 0, "a rare planning group must show masked counts");
  }

  @Test
  void rowsShowTheDatasetsFigures() throws Exception {
    Pages.Page page = page("annee=2018&tgeo=de&codegeo=13&base=bpri&typrgp=tous");
    List<SyntheticDataset.Row> truth = replica.dataset().table("2018", "bpri", "de", "13", Grouping.ALL);
    assertEquals(truth.size(), page.rows().size());
    for (SyntheticDataset.Row t : truth) {
      List<String> row = page.row(t.establishment().finess());
      assertNotNull(row);
      assertEquals(t.establishment().name(), row.get(2));
      assertEquals(CellFormat.count(t.figures().seances()).strip(), row.get(7));
      assertEquals(CellFormat.percent(t.figures().men(), t.figures().persons()).strip(), row.get(8));
    }
  }

  @Test
  void combinationWithoutStaysIsTheTotalOnlyTable() throws Exception {
    Pages.Page page = page("annee=2024&tgeo=de&codegeo=976&base=bpri&typrgp=tous");
    assertEquals("Zone géographique : MAYOTTE", page.echo().get(2));
    assertEquals("Choix de regroupement: Tous séjours/séances", page.groupingLine());
    assertTrue(page.rows().isEmpty());
    assertEquals(11, page.headers().size());
    assertEquals(List.of("", "", "Total", "", "0", "0", "0", "0,0 %", "0,00", "", "0,0 %"), page.total());
  }

  @Test
  void sameSeedGivesByteIdenticalPagesAndAnotherSeedDoesNot() throws Exception {
    String query = "annee=2020&tgeo=re&codegeo=44&base=bpub&typrgp=rgpGHM&DA=D05";
    HttpClient client = Pages.client();
    String first = Pages.get(client, replica.submitUri(query));
    try (ReplicaServer twin = ReplicaServer.start(ReplicaConfig.defaults());
        ReplicaServer other = ReplicaServer.start(ReplicaConfig.builder().seed(7).build())) {
      assertEquals(first, Pages.get(client, twin.submitUri(query)));
      assertNotEquals(first, Pages.get(client, other.submitUri(query)));
    }
    assertEquals(first, Pages.get(client, replica.submitUri(query)), "and again from the same server");
  }
}
