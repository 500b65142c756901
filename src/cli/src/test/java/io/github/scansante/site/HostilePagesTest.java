package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.database.DuckDbStore;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.output.DataFiles;
import io.github.scansante.output.OutputLayout;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import io.github.scansante.report.MasterTable;
import io.github.scansante.report.RunReport;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hostile page the replica can serve, through the real pipeline over HTTP: the combination
 * that meets it is dead-lettered with its precise outcome and reason, nothing of it reaches the
 * data folders, and the run goes on to write the others.
 */
class HostilePagesTest {

  /** The 2nd of the first three combinations of the france plan (2024, France, public, Médecine). */
  private static final String SECOND_ONLY = ":every=2";
  private static final String[] THREE = {"--plan", "france", "--years", "2024", "--limit", "3"};
  private static final Set<String> RUN_FILES = Set.of(RunJournal.MANIFEST, RunJournal.DEAD_LETTERS, RunJournal.RUNS,
      MasterTable.FILE_NAME, RunReport.FILE_NAME, DuckDbStore.FILE_NAME, DuckDbStore.PARQUET_FILE);

  /** The same site without faults: what the pages should have been. */
  private static ReplicaServer clean;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startClean() {
    clean = ReplicaServer.start(ReplicaConfig.defaults());
  }

  @AfterAll
  static void stopClean() {
    clean.close();
  }

  /** What a run against a replica with {@code faults} left behind. */
  private record HostileRun(Path out, Cli.Result cli, List<ManifestRow> manifest, List<RequestLog.Entry> requests) {

    ManifestRow faulted() {
      List<String> queries = requests.stream().filter(e -> !e.fault().isEmpty()).map(RequestLog.Entry::rawQuery).toList();
      assertEquals(1, queries.size(), "one hostile answer: " + queries);
      return manifest.stream().filter(m -> m.url().endsWith("?" + queries.get(0))).findFirst().orElseThrow();
    }
  }

  private static HostileRun run(Path out, String faults, String... args) {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults(faults).build())) {
      Cli.Result r = Cli.runWithoutDatabase(replica.baseUri().toString(), out, args);
      return new HostileRun(out, r, ManifestWriter.read(out.resolve(RunJournal.MANIFEST)), replica.requestLog().submitEntries());
    }
  }

  /** The page the clean replica answers to the same query. */
  private ResultPage cleanPage(ManifestRow row) throws Exception {
    return new PageParser().parse(cleanBody(row), StandardCharsets.UTF_8);
  }

  private byte[] cleanBody(ManifestRow row) throws Exception {
    URI uri = URI.create(clean.baseUri() + URI.create(row.url()).getRawPath() + "?" + URI.create(row.url()).getRawQuery());
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  /** Exit 0, the hostile combination dead-lettered as said, the two others written; returns the dead letter. */
  private static ManifestRow assertDeadLettered(HostileRun run, Outcome outcome, String reason) throws IOException {
    assertEquals(0, run.cli().exitCode(), "the pass completed: " + run.cli().err());
    ManifestRow bad = run.faulted();
    assertEquals(outcome, bad.outcome(), bad.reason());
    assertEquals(reason, bad.reason());
    assertEquals("", bad.file());
    assertEquals("", bad.sha256());
    assertEquals(0, bad.rows());
    assertFalse(Files.exists(run.out().resolve(OutputLayout.standard().relativePath(bad.combination()))), "no data file");
    List<String> deadLetters = Files.readAllLines(run.out().resolve(RunJournal.DEAD_LETTERS));
    assertEquals(List.of(bad.combination().key() + " " + outcome.label() + ": " + reason), deadLetters);
    assertEquals(3, run.manifest().size());
    List<ManifestRow> written = run.manifest().stream().filter(m -> m != bad).toList();
    assertTrue(written.stream().allMatch(m -> m.outcome() == Outcome.DATA), written.toString());
    assertEquals(written.stream().map(ManifestRow::file).collect(Collectors.toSet()), dataFiles(run.out()),
        "the data folders hold the written files and nothing else");
    for (ManifestRow m : written) {
      assertEquals(m.sha256(), DataFiles.sha256(run.out().resolve(m.file())));
    }
    return bad;
  }

  /** Every file under the output folder but the run's own records, relative. */
  private static Set<String> dataFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith(RunJournal.STATE_DIR + "/") && !RUN_FILES.contains(p)).collect(Collectors.toSet());
    }
  }

  @Test
  void garbage_is_malformed_at_its_first_invalid_byte(@TempDir Path out) throws Exception {
    HostileRun run = run(out, "garbage" + SECOND_ONLY, THREE);
    String reason = run.faulted().reason();
    assertTrue(reason.matches("body is not valid UTF-8 at byte \\d+"), reason);
    assertDeadLettered(run, Outcome.MALFORMED, reason);
  }

  @Test
  void an_empty_body_is_malformed(@TempDir Path out) throws Exception {
    assertDeadLettered(run(out, "empty" + SECOND_ONLY, THREE), Outcome.MALFORMED, "empty body");
  }

  @Test
  void json_is_not_a_page(@TempDir Path out) throws Exception {
    assertDeadLettered(run(out, "not-html" + SECOND_ONLY, THREE), Outcome.MALFORMED,
        "content type 'application/json' is not HTML");
  }

  @Test
  void a_page_larger_than_the_cap_is_cut_off_at_the_cap_not_read_whole(@TempDir Path out) throws Exception {
    // 3 GB: more than a byte array can hold, so a client that buffers the whole body fails.
    long start = System.nanoTime();
    HostileRun run = run(out, "huge" + SECOND_ONLY + ":bytes=3000000000", "--plan", "france", "--years", "2024", "--limit", "3",
        "--set", "page.max-bytes=1000000");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertDeadLettered(run, Outcome.MALFORMED, "body larger than 1000000 bytes");
    assertTrue(seconds < 15, "the answer was abandoned at the cap, not read whole: " + seconds + " s");
  }

  @Test
  void a_declared_length_over_the_cap_is_refused_before_the_body_is_read(@TempDir Path out) throws Exception {
    HostileRun run = run(out, "", "--limit", "1", "--set", "page.max-bytes=10000");
    assertEquals(0, run.cli().exitCode(), run.cli().err());
    ManifestRow row = run.manifest().get(0);
    assertEquals(Outcome.MALFORMED, row.outcome());
    assertEquals("body larger than 10000 bytes", row.reason());
    assertEquals(Set.of(), dataFiles(out));
  }

  @Test
  void deep_nesting_with_no_table_is_malformed_not_a_refusal_and_not_a_crash(@TempDir Path out) throws Exception {
    assertDeadLettered(run(out, "nested" + SECOND_ONLY, THREE), Outcome.MALFORMED,
        "no data table and no notice: neither a table nor the site's refusal");
  }

  @Test
  void a_row_with_an_extra_cell_is_malformed(@TempDir Path out) throws Exception {
    HostileRun run = run(out, "extra-column" + SECOND_ONLY, THREE);
    ResultPage right = cleanPage(run.faulted());
    int columns = right.columns().size();
    assertDeadLettered(run, Outcome.MALFORMED,
        "row " + (right.establishments().size() / 2 + 1) + " has " + (columns + 1) + " cells, header has " + columns);
  }

  @Test
  void a_row_missing_a_cell_is_malformed(@TempDir Path out) throws Exception {
    HostileRun run = run(out, "missing-column" + SECOND_ONLY, THREE);
    ResultPage right = cleanPage(run.faulted());
    int columns = right.columns().size();
    assertDeadLettered(run, Outcome.MALFORMED,
        "row " + (right.establishments().size() / 2 + 1) + " has " + (columns - 1) + " cells, header has " + columns);
  }

  @Test
  void a_page_with_two_data_tables_is_malformed_not_read_from_the_first(@TempDir Path out) throws Exception {
    assertDeadLettered(run(out, "two-tables" + SECOND_ONLY, THREE), Outcome.MALFORMED,
        "2 data tables: ambiguous, none is read");
  }

  @Test
  void latin1_bytes_under_a_utf8_header_are_malformed_at_the_first_accent(@TempDir Path out) throws Exception {
    HostileRun run = run(out, "wrong-charset" + SECOND_ONLY, THREE);
    byte[] latin1 = new String(cleanBody(run.faulted()), StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    int firstAccent = 0;
    while (latin1[firstAccent] >= 0) {
      firstAccent++;
    }
    assertDeadLettered(run, Outcome.MALFORMED, "body is not valid UTF-8 at byte " + firstAccent);
  }

  /** The landing page is optional: a hostile one leaves the run on the built-in catalogue, every file right. */
  @ParameterizedTest
  @ValueSource(strings = {"garbage", "empty", "not-html", "huge:bytes=50000000", "wrong-charset"})
  void a_hostile_landing_page_leaves_the_run_on_the_built_in_catalogue(String kind, @TempDir Path out) throws Exception {
    String[] rule = kind.split(":", 2);
    String faults = rule[0] + ":every=1:path=landing" + (rule.length > 1 ? ":" + rule[1] : "");
    HostileRun run = run(out, faults, "--plan", "france", "--years", "2024", "--limit", "3", "--set", "page.max-bytes=1000000");
    assertEquals(0, run.cli().exitCode(), run.cli().err());
    assertEquals(3, run.manifest().size());
    for (ManifestRow row : run.manifest()) {
      assertEquals(Outcome.DATA, row.outcome(), kind + ": " + row.reason());
      ResultPage right = cleanPage(row);
      assertEquals(right.establishments(), readCsv(out.resolve(row.file())).subList(1, right.establishments().size() + 1));
    }
  }

  /**
   * The previous tool's failure: the site ignored every grouping and answered the unfiltered table,
   * and 140 copies of the all-stays file were written under grouping names.
   */
  @Test
  void an_ignored_grouping_writes_no_file_and_the_all_stays_file_stays_right(@TempDir Path out) throws Exception {
    // Every grouping is asked, however often the site ignores it (skip rules: FutileRequestsTest).
    HostileRun run = run(out, "ignore-grouping:every=1", "--plan", "france", "--years", "2024", "--limit", "11",
        "--set", "skip.after-in-a-row=0");
    assertEquals(0, run.cli().exitCode(), run.cli().err());
    assertEquals(11, run.manifest().size());
    assertEquals(10, run.requests().stream().filter(e -> e.fault().equals("ignore-grouping")).count(),
        "every grouping query met the fault, the all-stays query did not");
    ManifestRow all = run.manifest().get(0);
    assertTrue(all.combination().isAllStays());
    assertEquals(Outcome.DATA, all.outcome(), all.reason());
    for (ManifestRow grouped : run.manifest().subList(1, 11)) {
      String label = new io.github.scansante.site.SiteCatalogue(io.github.scansante.catalogue.Catalogue.builtIn())
          .expectedEcho(grouped.combination()).groupingLabel();
      assertEquals(Outcome.GROUPING_NOT_APPLIED, grouped.outcome(), grouped.combination().key());
      assertEquals("grouping line is blank: the server ignored the grouping (expected '" + label + "')", grouped.reason());
      assertFalse(Files.exists(out.resolve(OutputLayout.standard().relativePath(grouped.combination()))));
    }
    assertEquals(Set.of(all.file()), dataFiles(out), "only the all-stays file");
    ResultPage right = cleanPage(all);
    List<List<String>> csv = readCsv(out.resolve(all.file()));
    assertEquals(right.columns(), csv.get(0));
    assertEquals(right.establishments(), csv.subList(1, csv.size()), "the all-stays file holds the all-stays table");
  }

  private static List<List<String>> readCsv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFF"));
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord rec : CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
      rows.add(rec.toList());
    }
    return rows;
  }
}
