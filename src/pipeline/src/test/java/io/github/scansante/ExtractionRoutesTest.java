package io.github.scansante;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.ops.RunRoutes;
import io.github.scansante.output.DataFiles;
import io.github.scansante.output.OutputLayout;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.plan.Combination;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import io.github.scansante.run.RunSummary;
import io.github.scansante.run.Trigger;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline, over real HTTP on loopback, against the project's replica of the site: one pass
 * of the strategic plan, in one context for the whole class, that every test reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractionRoutesTest extends PipelineMainTestSupport {

  private static ReplicaServer replica;
  @TempDir static Path strategicOut;
  private RunSummary strategic;

  @BeforeAll
  static void startReplica() {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
  }

  @AfterAll
  static void stopReplica() {
    replica.close();
  }

  @Override
  protected Properties overrides() {
    Properties p = against(replica.baseUri(), strategicOut);
    p.setProperty("plan.name", "strategic");
    // Every table asked: what these tests count is the site's answers (derivation: DerivedZoneTablesTest).
    p.setProperty("derive.enabled", "false");
    p.setProperty("retry.initial-delay-ms", "20");
    p.setProperty("retry.max-delay-ms", "200");
    p.setProperty("circuit.initial-pause-ms", "50");
    return p;
  }

  /** The pass every test reads, run by whichever test comes first. */
  private synchronized RunSummary strategic() {
    if (strategic == null) {
      strategic = context.createProducerTemplate().requestBody(RunRoutes.RUN, Trigger.CLI, RunSummary.class);
    }
    return strategic;
  }

  static List<ManifestRow> manifest(Path out) {
    return ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
  }

  static List<List<String>> readCsv(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertEquals((byte) 0xEF, bytes[0], "UTF-8 BOM");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord rec : CSVFormat.DEFAULT.parse(new java.io.StringReader(text))) {
      rows.add(rec.toList());
    }
    return rows;
  }

  @Test
  void strategic_plan_completes_and_accounts_for_every_combination() throws IOException {
    assertEquals(250, strategic().combinations());
    List<ManifestRow> rows = manifest(strategicOut);
    assertEquals(250, rows.size());
    Map<Outcome, Long> outcomes = rows.stream().collect(Collectors.groupingBy(ManifestRow::outcome, Collectors.counting()));
    // The replica, like the real site, does not accept base=ball, and its form does not offer it.
    assertEquals(80L, outcomes.get(Outcome.REFUSED), outcomes.toString());
    assertEquals(170L, outcomes.getOrDefault(Outcome.DATA, 0L) + outcomes.getOrDefault(Outcome.EMPTY, 0L), outcomes.toString());
    assertTrue(outcomes.getOrDefault(Outcome.DATA, 0L) >= 160, outcomes.toString());
    assertTrue(rows.stream().filter(r -> r.combination().base().equals("ball"))
        .allMatch(r -> r.reason().contains("base=ball") && r.url().isEmpty()), "refused before any request");
    assertTrue(replica.requestLog().submitEntries().stream().noneMatch(e -> e.rawQuery().contains("base=ball")));
  }

  @Test
  void every_file_holds_exactly_the_table_the_site_returned_for_its_name() throws Exception {
    strategic();
    HttpClient http = HttpClient.newHttpClient();
    PageParser parser = new PageParser();
    OutputLayout layout = OutputLayout.standard();
    List<ManifestRow> data = manifest(strategicOut).stream().filter(r -> r.outcome() == Outcome.DATA).toList();
    for (ManifestRow row : data) {
      Path file = strategicOut.resolve(row.file());
      assertEquals(layout.relativePath(row.combination()), row.file());
      assertEquals(DataFiles.sha256(file), row.sha256(), row.file());
      List<List<String>> csv = readCsv(file);
      String body = http.send(HttpRequest.newBuilder(URI.create(row.url())).build(), HttpResponse.BodyHandlers.ofString()).body();
      ResultPage page = parser.parse(body);
      assertEquals(page.columns(), csv.get(0), row.file());
      assertEquals(page.establishments(), csv.subList(1, csv.size()), row.file());
      assertEquals(row.rows(), csv.size() - 1);
    }
    // Groupings are real restrictions: the medicine file is not a copy of the all-stays file.
    Path all = strategicOut.resolve(layout.relativePath(Combination.allStays("2024", "fe", "99", "bpub")));
    Path medicine = strategicOut.resolve(layout.relativePath(new Combination("2024", "fe", "99", "bpub", "A50", "M")));
    assertFalse(Files.readString(all).equals(Files.readString(medicine)));
  }

  @Test
  void files_follow_the_hierarchy_and_nothing_else_is_left_in_it() throws IOException {
    strategic();
    try (Stream<Path> files = Files.walk(strategicOut)) {
      List<String> names = files.filter(Files::isRegularFile).map(p -> strategicOut.relativize(p).toString()).sorted().toList();
      assertTrue(names.contains("01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2015_tous_sejours.csv"), names.toString());
      assertTrue(names.contains("01_France_entiere/B_Prives_OQN/3_Categories_activites/2024_categorie_peu_invasif.csv"));
      assertTrue(names.contains("02_Departements/A_Publics_PSPH/1_Tous_sejours/2023_tous_sejours_dept75.csv"));
      assertTrue(names.stream().noneMatch(n -> n.contains("C_Tous_etablissements")), "no file for refused combinations");
      assertTrue(names.stream().noneMatch(n -> n.endsWith(OwnFiles.TEMP_SUFFIX)), "no temporary file left");
    }
  }

  @Test
  void one_landing_visit_per_run_and_its_cookie_on_every_submit() {
    strategic();
    List<RequestLog.Entry> all = replica.requestLog().entries();
    long landings = all.stream().filter(e -> !e.path().endsWith("/submit")).count();
    assertEquals(1, landings);
    assertTrue(replica.requestLog().submitEntries().stream().allMatch(RequestLog.Entry::hadSessionCookie));
    assertEquals(170, replica.requestLog().submitEntries().size(), "each accepted combination requested once");
  }

  @Test
  void the_master_table_and_the_report_agree_with_the_verified_files() throws IOException {
    strategic();
    List<ManifestRow> data = manifest(strategicOut).stream().filter(r -> r.outcome() == Outcome.DATA).toList();
    long rows = data.stream().mapToLong(ManifestRow::rows).sum();
    try (var lines = Files.lines(strategicOut.resolve("scansante_master.csv"))) {
      assertEquals(rows + 1, lines.count(), "header + one line per establishment of every verified file");
    }
    assertTrue(data.stream().allMatch(r -> r.totalCheck().startsWith("ok") || r.totalCheck().startsWith("n/a")),
        "rows agree with the Total where it is numeric");
    assertTrue(Files.readString(strategicOut.resolve("report.html")).contains(strategicRunId()));
  }

  private static String strategicRunId() throws IOException {
    return Files.readAllLines(strategicOut.resolve(RunJournal.RUNS)).get(1).split(",")[0];
  }

  @Test
  void dead_letter_log_names_each_combination_without_a_file_and_why() throws IOException {
    strategic();
    List<String> lines = Files.readAllLines(strategicOut.resolve(RunJournal.DEAD_LETTERS));
    long withoutFile = manifest(strategicOut).stream().filter(r -> r.file().isEmpty()).count();
    assertEquals(withoutFile, lines.size());
    assertTrue(lines.stream().filter(l -> l.contains("|ball|")).allMatch(l -> l.contains("refused: not offered by the site's form: base=ball")), lines.get(0));
  }
}
