package io.github.scansante.page;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Parser and classifier together on the four real pages, asked as the original all-stays query. */
class FixtureOutcomesTest {

  private static final ExpectedEcho ALL_STAYS_2024 =
      new ExpectedEcho("2024", "France Entière", "Publics et PSPH", ExpectedEcho.ALL_STAYS);

  private final PageParser parser = new PageParser();
  private final PageClassifier classifier =
      new PageClassifier("Année", "Zone géographique", "Catégorie d'établissement", "Choix de regroupement");

  private ResultPage page(String name) throws IOException {
    return parser.parse(Files.readAllBytes(Fixtures.page(name)), UTF_8);
  }

  private Verdict verdict(String name) throws IOException {
    return classifier.classify(page(name), ALL_STAYS_2024);
  }

  @Test
  void allStaysPageIsData() throws IOException {
    assertEquals(new Verdict(Outcome.DATA, "773 establishments"), verdict("2024_fe_99_bpub_tous.html"));
  }

  @Test
  void unrecognisedGroupingIsNotApplied() throws IOException {
    Verdict verdict = verdict("2024_fe_99_bpub_unrecognized-grouping.html");

    assertEquals(Outcome.GROUPING_NOT_APPLIED, verdict.outcome());
    assertTrue(verdict.reason().contains("blank"), verdict.reason());
  }

  @Test
  void totalOnlyPageIsEmpty() throws IOException {
    assertEquals(new Verdict(Outcome.EMPTY, "only the Total row"), verdict("2024_fe_99_bpub_empty-total-only.html"));
  }

  @Test
  void errorPageIsRefused() throws IOException {
    Verdict verdict = verdict("error_requete-n-a-pu-aboutir.html");

    assertEquals(Outcome.REFUSED, verdict.outcome());
    assertTrue(verdict.reason().startsWith("Votre requête n'a pu aboutir"), verdict.reason());
  }

  @Test
  void year2024IsWeeklyAndDated() throws IOException {
    ResultPage page = page("2024_fe_99_bpub_tous.html");

    assertFalse(classifier.frozenYear(page));
    assertEquals("2025-07-22", classifier.siteUpdateDate(page));
  }
}
