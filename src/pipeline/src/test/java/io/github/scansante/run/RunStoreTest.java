package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import io.github.scansante.plan.YearRange;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Combination A = Combination.allStays("2024", "fe", "99", "bpub");
  private static final Combination B = new Combination("2024", "fe", "99", "bpub", "A50", "M");
  private static final Combination C = Combination.allStays("2024", "fe", "99", "ball");

  @TempDir Path out;

  private RunDefinition definition(String plan) {
    return new RunDefinition("http://127.0.0.1:1", plan, new YearRange(2023, 2024), 0, RefreshPolicy.Mode.ALL, out);
  }

  private static ManifestRow row(Combination c, Outcome outcome, String reason) {
    boolean data = outcome == Outcome.DATA;
    return new ManifestRow(c, outcome, reason, data ? 12 : 0, "", data ? "x/" + c.key().replace('|', '_') + ".csv" : "",
        data ? "ab" : "", "http://site/submit?x=\"1\",2", 1, T0.toString(), "2025-07-22", false);
  }

  private RunStore.Opened open(String plan, boolean restart, Instant at) {
    return new RunStore(out).open(definition(plan), "cli", restart, at);
  }

  @Test
  void an_interrupted_run_is_resumed_by_the_same_run_only() throws IOException {
    RunStore.Opened first = open("strategic", false, T0);
    first.journal().record(row(A, Outcome.DATA, "12 establishments"));
    first.journal().record(row(C, Outcome.REFUSED, "not offered by the site's form: base=ball"));
    first.journal().close(); // killed here

    RunStore.Opened resumed = open("strategic", false, T0.plusSeconds(60));
    assertEquals(first.info().id(), resumed.info().id());
    assertEquals(2, resumed.info().resumed());
    assertTrue(resumed.journal().isDone(A));
    assertFalse(resumed.journal().isDone(B));
    resumed.journal().close();

    RunStore.Opened other = open("france", false, T0.plusSeconds(120));
    assertNotEquals(first.info().id(), other.info().id(), "another plan does not take over the unfinished run");
    assertEquals(0, other.info().resumed());
    assertFalse(other.journal().isDone(A));
    Map<String, String> abandoned = RunHistory.read(out.resolve(RunJournal.RUNS)).get(0);
    assertEquals(first.info().id(), abandoned.get("run_id"));
    assertEquals("abandoned", abandoned.get("status"));
    assertEquals("strategic", abandoned.get("plan"));
    assertEquals("2", abandoned.get("combinations"));
    assertEquals("1", abandoned.get("refused"));
  }

  @Test
  void a_restart_sets_the_unfinished_run_aside_even_when_it_is_the_same() {
    RunStore.Opened first = open("strategic", false, T0);
    first.journal().record(row(A, Outcome.DATA, "12 establishments"));
    first.journal().close();

    RunStore.Opened fresh = open("strategic", true, T0.plusSeconds(5));
    assertNotEquals(first.info().id(), fresh.info().id());
    assertFalse(fresh.journal().isDone(A));
    assertEquals("abandoned", RunHistory.read(out.resolve(RunJournal.RUNS)).get(0).get("status"));
  }

  @Test
  void a_torn_journal_tail_is_dropped_and_the_next_line_is_not_glued_to_it() throws IOException {
    RunStore.Opened first = open("strategic", false, T0);
    first.journal().record(row(A, Outcome.DATA, "12 establishments"));
    first.journal().record(row(C, Outcome.REFUSED, "refused"));
    first.journal().close();
    Path journal = RunJournal.journalFile(out);
    byte[] bytes = Files.readAllBytes(journal);
    Files.write(journal, Arrays.copyOf(bytes, bytes.length - 40)); // a power cut mid-write

    RunStore.Opened resumed = open("strategic", false, T0.plusSeconds(60));
    assertEquals(1, resumed.journal().tornLines());
    assertTrue(resumed.journal().isDone(A));
    assertFalse(resumed.journal().isDone(C), "the torn combination is asked again");
    resumed.journal().record(row(C, Outcome.REFUSED, "refused"));
    resumed.journal().record(row(B, Outcome.EMPTY, "only the Total row"));

    List<ManifestRow> rows = resumed.journal().rows();
    assertEquals(List.of(A, C, B), rows.stream().map(ManifestRow::combination).toList());
    assertEquals(List.of(C.key() + " refused: refused", B.key() + " empty: only the Total row"),
        Files.readAllLines(out.resolve(RunJournal.DEAD_LETTERS)), "the dead-letter log agrees with the journal");
  }

  @Test
  void finishing_writes_the_manifest_the_index_and_the_history_once() throws IOException {
    RunStore store = new RunStore(out);
    RunStore.Opened run = store.open(definition("strategic"), "cli", false, T0);
    run.journal().record(row(A, Outcome.DATA, "12 establishments"));
    run.journal().record(row(B, Outcome.GROUPING_NOT_APPLIED, "grouping line is blank:\nthe server ignored the grouping"));
    store.finishPass(run.journal());
    run.journal().close(); // killed while the master is built

    RunStore.Opened finishing = store.open(definition("strategic"), "cli", false, T0.plusSeconds(9));
    assertTrue(finishing.finishing(), "the pass is not made again");
    assertEquals(run.info().id(), finishing.info().id());
    RunSummary summary = store.record(finishing.info(), finishing.journal(), T0.plusSeconds(10));
    store.record(finishing.info(), finishing.journal(), T0.plusSeconds(11)); // killed after, resumed again
    store.complete(finishing.journal());

    assertEquals(2, summary.combinations());
    assertEquals(1, summary.filesWritten());
    assertEquals(12, summary.rowsWritten());
    List<String> manifest = Files.readAllLines(out.resolve(RunJournal.MANIFEST), StandardCharsets.UTF_8);
    assertEquals(String.join(",", ManifestRow.HEADER), manifest.get(0));
    assertEquals(3, manifest.size());
    assertTrue(manifest.get(2).contains("grouping-not-applied,grouping line is blank: the server ignored the grouping,0"));
    assertEquals(row(A, Outcome.DATA, "12 establishments"), ManifestWriter.read(out.resolve(RunJournal.MANIFEST)).get(0),
        "quoted cells read back exactly");
    assertEquals(List.of(row(A, Outcome.DATA, "12 establishments")), VerifiedFiles.read(out));
    List<Map<String, String>> runs = RunHistory.read(out.resolve(RunJournal.RUNS));
    assertEquals(1, runs.size(), "a resumed finishing is not counted twice");
    assertEquals("complete", runs.get(0).get("status"));
    assertEquals("1", runs.get(0).get("grouping_not_applied"));
    assertFalse(Files.exists(RunJournal.journalFile(out)));
    assertFalse(Files.exists(out.resolve(".scansante/run.properties")));
    assertEquals(0, store.open(definition("strategic"), "cli", false, T0.plusSeconds(99)).info().resumed(),
        "a completed run is followed by a new pass");
  }

  @Test
  void the_verified_files_outlive_a_run_that_did_not_write_them_again() {
    RunStore store = new RunStore(out);
    RunStore.Opened first = store.open(definition("strategic"), "cli", false, T0);
    first.journal().record(row(A, Outcome.DATA, "12 establishments"));
    first.journal().record(row(C, Outcome.DATA, "12 establishments"));
    store.finishPass(first.journal());
    store.complete(first.journal());

    RunStore.Opened second = store.open(definition("strategic"), "cli", false, T0.plusSeconds(60));
    second.journal().record(row(A, Outcome.FAILED, "disk full"));
    store.finishPass(second.journal());

    assertEquals(List.of(A, C), VerifiedFiles.read(out).stream().map(ManifestRow::combination).toList(),
        "a failed rewrite keeps the earlier file of A in the index");
  }

  @Test
  void an_empty_or_damaged_run_state_is_set_aside_not_a_crash() throws IOException {
    Files.createDirectories(out.resolve(".scansante"));
    Files.writeString(out.resolve(".scansante/run.properties"), "");
    RunStore.Opened opened = open("strategic", false, T0);
    assertEquals(0, opened.info().resumed());
    opened.journal().close();
    Files.writeString(out.resolve(".scansante/run.properties"), "id=x\nstarted=yesterday\n");
    assertEquals(0, open("strategic", false, T0.plusSeconds(1)).info().resumed());
    String written = Files.readString(out.resolve(".scansante/run.properties"));
    assertTrue(written.contains("phase=pass") && written.contains("identity=site"), written);
  }

  @Test
  void a_torn_runs_csv_line_is_dropped_and_an_earlier_format_is_carried_over() throws IOException {
    Files.writeString(out.resolve(RunJournal.RUNS), "run_id,trigger,plan,started,ended,elapsed_s,combinations,data\n"
        + "20250101T000000Z-cli,cli,strategic,2025-01-01T00:00:00Z,2025-01-01T00:01:00Z,60,3,3\n"
        + "20250102T000000Z-cli,cli,str");
    RunStore store = new RunStore(out);
    RunStore.Opened run = store.open(definition("strategic"), "cli", false, T0);
    run.journal().record(row(A, Outcome.DATA, "12 establishments"));
    store.finishPass(run.journal());
    store.record(run.info(), run.journal(), T0.plusSeconds(1));

    List<Map<String, String>> runs = RunHistory.read(out.resolve(RunJournal.RUNS));
    assertEquals(List.of("20250101T000000Z-cli", run.info().id()), runs.stream().map(r -> r.get("run_id")).toList());
    assertEquals("3", runs.get(0).get("data"));
    assertEquals("complete", runs.get(0).get("status"));
    assertEquals(run.info().id(), RunHistory.lastComplete(out.resolve(RunJournal.RUNS)).orElseThrow().get("run_id"));

    byte[] bytes = Files.readAllBytes(out.resolve(RunJournal.RUNS));
    Files.write(out.resolve(RunJournal.RUNS), Arrays.copyOf(bytes, bytes.length - 10));
    assertEquals(1, RunHistory.read(out.resolve(RunJournal.RUNS)).size(), "the torn last line is not read");
  }

  @Test
  void only_the_recorded_temporary_files_are_removed_when_a_run_opens() throws IOException {
    Path folder = out.resolve("01_France_entiere/A_Publics_PSPH/1_Tous_sejours");
    Path ours = folder.resolve("2024_tous_sejours.csv.0123456789abcdef" + OwnFiles.TEMP_SUFFIX);
    Path users = folder.resolve("2024_tous_sejours.csv.part");
    Files.createDirectories(folder);
    Files.writeString(ours, "half a fi");
    Files.writeString(users, "the user's");
    Files.createDirectories(out.resolve(RunJournal.STATE_DIR));
    Files.writeString(out.resolve(RunJournal.STATE_DIR).resolve(OwnFiles.TEMP_LOG), "\n" + out.relativize(ours) + "\n");
    open("strategic", false, T0).journal().close();
    assertFalse(Files.exists(ours));
    assertEquals("the user's", Files.readString(users));
  }

  @Test
  void links_at_the_state_files_are_replaced_never_written_through(@TempDir Path elsewhere) throws IOException {
    Path outside = elsewhere.resolve("victim.txt");
    Files.writeString(outside, "not yours\n");
    Files.createDirectories(out.resolve(RunJournal.STATE_DIR));
    Files.createSymbolicLink(out.resolve(RunJournal.RUNS), outside);
    Files.createSymbolicLink(out.resolve(".scansante/run.properties"), elsewhere.resolve("dangling.properties"));
    RunStore store = new RunStore(out);
    RunStore.Opened run = store.open(definition("strategic"), "cli", false, T0);
    run.journal().record(row(A, Outcome.DATA, "12 establishments"));
    store.finishPass(run.journal());
    store.record(run.info(), run.journal(), T0.plusSeconds(1));
    store.complete(run.journal());

    assertEquals("not yours\n", Files.readString(outside));
    assertFalse(Files.exists(elsewhere.resolve("dangling.properties")), "nothing created outside the output");
    assertFalse(Files.isSymbolicLink(out.resolve(RunJournal.RUNS)));
    assertEquals(1, RunHistory.read(out.resolve(RunJournal.RUNS)).size());
  }
}
