package io.github.scansante.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scansante.Fixtures;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pipeline's parser and classifier read the replica's pages exactly as they read the real ones. */
class ReplicaPagesTest {

  private static final String FRANCE = "snatnav=&annee=2024&tgeo=fe&codegeo=99";
  private static final ExpectedEcho ASKED = new ExpectedEcho("2024", "France Entière", "Publics et PSPH", ExpectedEcho.ALL_STAYS);
  private static ReplicaServer replica;
  private final PageParser parser = new PageParser();
  private final PageClassifier classifier = new PageClassifier("Année", "Zone géographique", "Catégorie d'établissement", "Choix de regroupement");

  @BeforeAll
  static void start() {
    replica = ReplicaServer.start(ReplicaConfig.builder().newestPeriod("M12").build());
  }

  @AfterAll
  static void stop() {
    replica.close();
  }

  private ResultPage replicaPage(String query) throws Exception {
    URI uri = replica.submitUri(query);
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    return parser.parse(body);
  }

  private ResultPage realPage(String fixture) throws Exception {
    return parser.parse(Files.readString(Fixtures.page(fixture)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2024_fe_99_bpub_tous.html                  | &base=bpub&typrgp=tous          | DATA
      2024_fe_99_bpub_unrecognized-grouping.html | &base=bpub&typrgp=rgpGHM&ASO=M  | GROUPING_NOT_APPLIED
      error_requete-n-a-pu-aboutir.html          | &base=ball&typrgp=tous          | REFUSED
      """)
  void same_outcome_columns_and_echo(String fixture, String replicaQuery, Outcome expected) throws Exception {
    ResultPage real = realPage(fixture);
    ResultPage ours = replicaPage(FRANCE + replicaQuery);
    assertEquals(expected, classifier.classify(real, ASKED).outcome());
    assertEquals(expected, classifier.classify(ours, ASKED).outcome());
    assertEquals(real.columns(), ours.columns());
    assertEquals(real.criteria(), ours.criteria(), "the echo, line for line");
    assertEquals(real.footer(), ours.footer());
    assertEquals(real.total().size(), ours.total().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      2024_fe_99_bpub_empty-total-only.html | snatnav=&annee=2024&tgeo=de&codegeo=48&base=bpri&typrgp=tous
      """)
  void an_empty_combination_is_the_total_only_table(String fixture, String replicaQuery) throws Exception {
    ResultPage real = realPage(fixture);
    ResultPage ours = replicaPage(replicaQuery);
    assertEquals(Outcome.EMPTY, classifier.classify(real, ASKED).outcome());
    assertEquals(Outcome.EMPTY, classifier.classify(ours, ASKED).outcome());
    assertEquals(real.columns(), ours.columns());
    assertEquals(List.of(), ours.establishments());
    assertEquals(real.total().subList(0, 7), ours.total().subList(0, 7), "blank, Total and zero counts");
  }
}
