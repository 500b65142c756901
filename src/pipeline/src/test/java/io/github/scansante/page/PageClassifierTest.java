package io.github.scansante.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Echo checks on small inline pages, one mismatch at a time. */
class PageClassifierTest {

  private static final String YEAR = "Année: 2024 (mise à jour hebdomadaire / dernière mise à jour le 22 juillet 2025)";
  private static final String ZONE = "Zone géographique : France Entière";
  private static final String BASE = "Catégorie d'établissement: Publics et PSPH";
  private static final String ALL_STAYS = "Choix de regroupement: Tous séjours/séances";

  private static final ExpectedEcho EXPECTED =
      new ExpectedEcho("2024", "France Entière", "Publics et PSPH", ExpectedEcho.ALL_STAYS);

  private static final String TABLE =
      "<table class=\"table\"><thead><tr><th>Finess</th><th>Raison Sociale</th></tr></thead><tbody>"
          + "<tr><td>010007987</td><td>CH HAUTEVILLE-LOMPNES</td></tr>"
          + "<tr><td>&nbsp;</td><td>Total</td></tr></tbody></table>";

  private final PageParser parser = new PageParser();
  private final PageClassifier classifier =
      new PageClassifier("Année", "Zone géographique", "Catégorie d'établissement", "Choix de regroupement");

  private static String echo(String... lines) {
    StringBuilder html = new StringBuilder("<table class=\"table\"><tbody>");
    for (String line : lines) {
      html.append("<tr><td>").append(line).append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  private ResultPage page(String... echoLines) {
    return parser.parse("<html><body><div class=\"snatih\">" + echo(echoLines) + TABLE + "</div></body></html>");
  }

  private Verdict classify(ExpectedEcho expected, String... echoLines) {
    return classifier.classify(page(echoLines), expected);
  }

  private Verdict classify(String... echoLines) {
    return classify(EXPECTED, echoLines);
  }

  private static ExpectedEcho grouping(String label) {
    return new ExpectedEcho("2024", "France Entière", "Publics et PSPH", label);
  }

  private static void assertNotApplied(Verdict verdict, String... reasonParts) {
    assertOutcome(Outcome.GROUPING_NOT_APPLIED, verdict, reasonParts);
  }

  private static void assertMismatch(Verdict verdict, String... reasonParts) {
    assertOutcome(Outcome.ECHO_MISMATCH, verdict, reasonParts);
  }

  private static void assertOutcome(Outcome outcome, Verdict verdict, String... reasonParts) {
    assertEquals(outcome, verdict.outcome(), verdict.reason());
    for (String part : reasonParts) {
      assertTrue(verdict.reason().contains(part), verdict.reason());
    }
  }

  @Test
  void faithfulEchoIsData() {
    assertEquals(new Verdict(Outcome.DATA, "1 establishments"), classify("Activité MCO", YEAR, ZONE, BASE, ALL_STAYS));
  }

  @Test
  void wrongYearIsAnEchoMismatch() {
    assertMismatch(classify("Année: 2023 (dernière mise à jour le 1 mars 2024)", ZONE, BASE, ALL_STAYS),
        "year", "Année: 2023", "2024");
  }

  @Test
  void yearMustBeAWholeToken() {
    assertMismatch(classify("Année: 20245", ZONE, BASE, ALL_STAYS), "year");
    assertEquals(Outcome.DATA, classify("Année: 2024", ZONE, BASE, ALL_STAYS).outcome());
  }

  @Test
  void wrongZoneIsAnEchoMismatch() {
    assertMismatch(classify(YEAR, "Zone géographique : Île-de-France", BASE, ALL_STAYS),
        "zone", "Île-de-France", "France Entière");
  }

  @Test
  void wrongBaseIsAnEchoMismatch() {
    assertMismatch(classify(YEAR, ZONE, "Catégorie d'établissement: Privés OQN", ALL_STAYS),
        "base", "Privés OQN", "Publics et PSPH");
  }

  @Test
  void missingLineIsNamed() {
    assertMismatch(classify(YEAR, BASE, ALL_STAYS), "no zone line", "Zone géographique");
    assertMismatch(classify(ZONE, BASE, ALL_STAYS), "no year line");
    assertMismatch(classify(YEAR, ZONE, BASE), "no grouping line");
  }

  @Test
  void blankGroupingLineMeansTheServerIgnoredIt() {
    assertNotApplied(classify(grouping("Médecine"), YEAR, ZONE, BASE, "&nbsp;"), "blank", "Médecine");
    assertNotApplied(classify(grouping("Médecine"), YEAR, ZONE, BASE, "Choix de regroupement:  "), "blank");
  }

  @Test
  void categoryEchoDoesNotSatisfyTheActivity() {
    String echoed = "Choix de regroupement: Catégorie d'activité de soins : X - Médecine";

    assertMismatch(classify(grouping("Médecine"), YEAR, ZONE, BASE, echoed), echoed, "'Médecine'");
    assertEquals(Outcome.DATA, classify(grouping("X - Médecine"), YEAR, ZONE, BASE, echoed).outcome());
  }

  @Test
  void groupingIsAcceptedBareOrAfterItsKind() {
    assertEquals(Outcome.DATA,
        classify(grouping("Médecine"), YEAR, ZONE, BASE, "Choix de regroupement: Médecine").outcome());
    assertEquals(Outcome.DATA,
        classify(grouping("Médecine"), YEAR, ZONE, BASE, "Choix de regroupement: Activité de soins : Médecine").outcome());
    assertMismatch(classify(grouping("Médecine"), YEAR, ZONE, BASE, ALL_STAYS), "Tous séjours/séances");
  }

  @Test
  void labelWithAColonIsAccepted() {
    String label = "C09 - Chir. majeure de l'app. Locomoteur: hanche, fémur, genou, épaule";

    assertEquals(Outcome.DATA,
        classify(grouping(label), YEAR, ZONE, BASE, "Choix de regroupement: " + label).outcome());
    assertEquals(Outcome.DATA,
        classify(grouping(label), YEAR, ZONE, BASE, "Choix de regroupement: Groupe de planification : " + label).outcome());
    assertMismatch(classify(grouping(label), YEAR, ZONE, BASE, "Choix de regroupement: C09 - Chir. majeure"), "C09");
  }

  @Test
  void accentsAndPunctuationDoNotCountButWordsDo() {
    assertEquals(Outcome.DATA, classify(grouping("C - Chirurgie"), YEAR, "Zone geographique: FRANCE-ENTIERE", BASE,
        "Choix de regroupement : Catégorie d’activité de soins : C – chirurgie.").outcome());
    assertMismatch(classify(YEAR, ZONE, "Catégorie d'établissement: Publics", ALL_STAYS), "base", "'Publics et PSPH'");
  }

  @Test
  void aRenamedCaptionIsQuotedWithWhatItRestates() {
    Verdict verdict = classify(YEAR, "Territoire : France Entière", BASE, ALL_STAYS);

    assertMismatch(verdict, "no zone line (prefix 'Zone géographique')", "'Territoire : France Entière'",
        "restates 'France Entière' under another caption");
  }

  @Test
  void caseWhitespaceAndCompositionDoNotCount() {
    String decomposed = Normalizer.normalize("ZONE GÉOGRAPHIQUE :  france   entière", Normalizer.Form.NFD);

    assertEquals(Outcome.DATA, classify(YEAR, decomposed, BASE, "choix de regroupement:tous séjours/séances").outcome());
  }

  @Test
  void checksRunInTheOrderTheSitePrintsThem() {
    assertMismatch(classify("Année: 2023", "Zone géographique : Bretagne", BASE, "&nbsp;"), "year");
  }

  @Test
  void noTableIsRefusedWithTheNoticeAndMalformedWithout() {
    ResultPage refused = parser.parse("<html><body><div class=\"snatih\"><p>Votre requête n'a pu aboutir</p></div>");
    ResultPage silent = parser.parse("<html><body><div class=\"snatih\"></div>");

    assertEquals(new Verdict(Outcome.REFUSED, "Votre requête n'a pu aboutir"), classifier.classify(refused, EXPECTED));
    assertEquals(new Verdict(Outcome.MALFORMED, "no data table and no notice: neither a table nor the site's refusal"),
        classifier.classify(silent, EXPECTED));
  }

  @Test
  void onlyTheTotalIsEmptyWhateverTheEcho() {
    ResultPage page = parser.parse("<html><body><div class=\"snatih\">" + echo(YEAR, "&nbsp;")
        + "<table class=\"table\"><thead><tr><th>Raison Sociale</th></tr></thead>"
        + "<tbody><tr><td>Total</td></tr></tbody></table></div>");

    assertEquals(new Verdict(Outcome.EMPTY, "only the Total row"), classifier.classify(page, EXPECTED));
  }

  @Test
  void tableWithoutTotalIsMalformed() {
    ResultPage page = parser.parse("<html><body><div class=\"snatih\">" + echo(YEAR, ZONE, BASE, ALL_STAYS)
        + "<table class=\"table\"><thead><tr><th>Raison Sociale</th></tr></thead>"
        + "<tbody><tr><td>CH A</td></tr></tbody></table></div>");

    assertEquals(Outcome.MALFORMED, classifier.classify(page, EXPECTED).outcome());
  }

  @Test
  void weeklyYearIsNotFrozenOthersAre() {
    assertFalse(classifier.frozenYear(page(YEAR, ZONE)));
    assertTrue(classifier.frozenYear(page("Année: 2019 (dernière mise à jour le 1er mars 2020)", ZONE)));
    assertFalse(classifier.frozenYear(page(ZONE)), "without a year line, nothing proves the year frozen");
  }

  @Test
  void siteUpdateDateIsReadFromTheYearLine() {
    assertEquals("2025-07-22", classifier.siteUpdateDate(page(YEAR)));
    assertEquals("2020-03-01", classifier.siteUpdateDate(page("Année: 2019 (dernière mise à jour le 1er mars 2020)")));
    assertEquals("2021-08-05", classifier.siteUpdateDate(page("Année: 2020 (dernière mise à jour le 5 Août 2021)")));
    assertEquals("2023-12-31", classifier.siteUpdateDate(page("Année: 2023 (dernière mise à jour le 31 decembre 2023)")));
    assertEquals("", classifier.siteUpdateDate(page("Année: 2024")));
    assertEquals("", classifier.siteUpdateDate(page("Année: 2024 (dernière mise à jour le 31 février 2025)")));
    assertEquals("", classifier.siteUpdateDate(page(ZONE)));
  }

  @Test
  void blankExpectationsAreRefusedUpFront() {
    assertThrows(IllegalArgumentException.class, () -> grouping(" "));
  }
}
