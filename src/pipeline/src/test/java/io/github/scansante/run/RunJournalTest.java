package io.github.scansante.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Combination A = Combination.allStays("2024", "fe", "99", "bpub");
  private static final Combination B = new Combination("2024", "fe", "99", "bpub", "A50", "M");
  private static final Combination C = Combination.allStays("2024", "fe", "99", "ball");

  @TempDir Path out;
  private final List<ManifestRow> seen = new ArrayList<>();

  private static ManifestRow row(Combination c, Outcome outcome, String reason) {
    boolean data = outcome == Outcome.DATA;
    return new ManifestRow(c, outcome, reason, data ? 12 : 0, "", data ? "x/" + c.annee() + ".csv" : "",
        data ? "ab" : "", "http://site/submit?x=\"1\",2", 1, T0.toString(), "2025-07-22", false);
  }

  @Test
  void an_interrupted_run_resumes_without_repeating_finished_combinations() {
    RunJournal first = new RunJournal(out, seen::add);
    RunInfo run = first.open("cli", "strategic", T0);
    first.record(row(A, Outcome.DATA, "12 establishments"));
    first.record(row(C, Outcome.REFUSED, "not offered by the site's form: base=ball"));
    // killed here: no finish()

    RunJournal second = new RunJournal(out, seen::add);
    RunInfo resumed = second.open("cli", "strategic", T0.plusSeconds(60));
    assertEquals(run.id(), resumed.id());
    assertEquals(2, resumed.resumed());
    assertTrue(second.isDone(A));
    assertTrue(second.isDone(C));
    assertFalse(second.isDone(B));
  }

  @Test
  void a_line_torn_by_a_kill_is_skipped_on_resume() throws IOException {
    RunJournal first = new RunJournal(out, seen::add);
    first.open("cli", "strategic", T0);
    first.record(row(A, Outcome.DATA, "12 establishments"));
    first.abandon();
    Files.writeString(out.resolve(".scansante/journal.csv"), "2024,fe,99,bpub,rgpGHM,A50,M,da", StandardOpenOption.APPEND);

    RunJournal second = new RunJournal(out, seen::add);
    assertEquals(1, second.open("cli", "strategic", T0).resumed());
    assertFalse(second.isDone(B));
  }

  @Test
  void finishing_writes_the_manifest_the_history_and_the_dead_letters_then_forgets_the_journal() throws IOException {
    RunJournal journal = new RunJournal(out, seen::add);
    journal.open("cli", "strategic", T0);
    journal.record(row(A, Outcome.DATA, "12 establishments"));
    journal.record(row(B, Outcome.GROUPING_NOT_APPLIED, "grouping line is blank:\nthe server ignored the grouping"));
    RunSummary summary = journal.finish(T0.plusSeconds(5));

    assertEquals(2, summary.combinations());
    assertEquals(1, summary.filesWritten());
    assertEquals(12, summary.rowsWritten());
    List<String> manifest = Files.readAllLines(out.resolve(RunJournal.MANIFEST), StandardCharsets.UTF_8);
    assertEquals(String.join(",", ManifestRow.HEADER), manifest.get(0));
    assertEquals(3, manifest.size());
    assertTrue(manifest.get(2).contains("grouping-not-applied,grouping line is blank: the server ignored the grouping,0"), manifest.get(2));
    assertEquals(row(A, Outcome.DATA, "12 establishments"), RunJournal.readRows(out.resolve(RunJournal.MANIFEST)).get(0),
        "quoted cells read back exactly");
    List<String> deadLetters = Files.readAllLines(out.resolve(RunJournal.DEAD_LETTERS));
    assertEquals(List.of(B.key() + " grouping-not-applied: grouping line is blank: the server ignored the grouping"), deadLetters);
    List<String> runs = Files.readAllLines(out.resolve(RunJournal.RUNS));
    assertEquals(2, runs.size());
    assertTrue(runs.get(1).startsWith(summary.run().id() + ",cli,strategic,2026-11-29T10:00:00Z,2026-11-29T10:00:05Z,5,2,1,0,0,1,0,0,0,0,0,0,1,12"), runs.get(1));
    assertFalse(Files.exists(out.resolve(".scansante/journal.csv")));

    RunJournal next = new RunJournal(out, seen::add);
    assertEquals(0, next.open("cli", "strategic", T0.plusSeconds(99)).resumed(), "a finished run is followed by a new pass");
    assertEquals(2, next.lastManifest().size());
    assertEquals(2, seen.size(), "the listener saw every recorded row");
  }

  @Test
  void leftover_temporary_files_are_removed_when_a_run_opens() throws IOException {
    Path part = out.resolve("01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2024_tous_sejours.csv.part");
    Files.createDirectories(part.getParent());
    Files.writeString(part, "half a fi");
    new RunJournal(out, seen::add).open("cli", "strategic", T0);
    assertFalse(Files.exists(part));
  }
}
