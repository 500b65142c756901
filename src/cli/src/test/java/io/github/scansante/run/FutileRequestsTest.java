package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run stops asking what the site keeps ignoring or refusing, and says so in every record. */
class FutileRequestsTest {

  private static Map<Outcome, Long> outcomes(List<ManifestRow> manifest) {
    return manifest.stream().collect(Collectors.groupingBy(ManifestRow::outcome, Collectors.counting()));
  }

  @Test
  void a_grouping_field_ignored_k_times_in_a_row_is_no_longer_asked(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("ignore-grouping:every=1").build())) {
      // 2024, France: bpub then bpri, each all stays, A50 M C O, CAS C O14 O15 PI.
      Cli.Result result = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--plan", "strategic", "--years", "2024",
          "--set", "skip.after-in-a-row=2");
      assertEquals(0, result.exitCode(), result.err());

      List<ManifestRow> manifest = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      Map<Outcome, Long> outcomes = outcomes(manifest);
      assertEquals(4L, outcomes.get(Outcome.GROUPING_NOT_APPLIED), "A50 M C, CAS C O14: " + outcomes);
      assertEquals(10L, outcomes.get(Outcome.SKIPPED), outcomes.toString());
      ManifestRow skipped = manifest.stream().filter(r -> r.outcome() == Outcome.SKIPPED).findFirst().orElseThrow();
      assertEquals("2024|fe|99|bpub|rgpGHM|A50|O", skipped.combination().key());
      assertTrue(skipped.reason().startsWith("grouping field A50: the site ignored it (blank grouping line) in 2 answers in a row"),
          skipped.reason());
      assertEquals("", skipped.url(), "not requested");
      List<String> grouped = replica.requestLog().submitEntries().stream().map(RequestLog.Entry::rawQuery)
          .filter(q -> q.contains("typrgp=rgpGHM")).toList();
      assertEquals(4, grouped.size(), grouped.toString());

      List<String> runs = Files.readAllLines(out.resolve(RunJournal.RUNS));
      int column = List.of(runs.get(0).split(",")).indexOf("skipped");
      assertEquals("10", runs.get(1).split(",")[column], "skipped counted in runs.csv: " + runs);
      assertTrue(Files.readString(out.resolve("report.html")).contains("o-skipped"));
      assertTrue(result.out().contains("skipped"), "the summary counts the skips");
    }
  }

  @Test
  void a_code_refused_k_times_in_a_row_without_one_answer_is_no_longer_asked(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      // The built-in catalogue offers base=ball, which the site refuses: without the form, it is sent.
      // Every table asked, derivable or not: what is counted is the site's answers.
      Cli.Result result = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--plan", "strategic", "--years", "2023-2024",
          "--set", "site.discover-form=false", "--derive", "off");
      assertEquals(0, result.exitCode(), result.err());

      List<ManifestRow> manifest = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      Map<Outcome, Long> outcomes = outcomes(manifest);
      assertEquals(5L, outcomes.get(Outcome.REFUSED), "the first five ball combinations: " + outcomes);
      assertEquals(11L, outcomes.get(Outcome.SKIPPED), "3 left in 2024, 8 in 2023: " + outcomes);
      assertTrue(manifest.stream().filter(r -> r.outcome() == Outcome.SKIPPED)
          .allMatch(r -> r.combination().base().equals("ball")
              && r.reason().startsWith("base=ball: the site refused it 5 times in a row and never answered it in this run")));
      assertEquals(5, replica.requestLog().submitEntries().stream().filter(e -> e.rawQuery().contains("base=ball")).count());
      assertEquals(42L, outcomes.get(Outcome.DATA), "years, zones and groupings the site answers are never skipped");
    }
  }

  @Test
  void zero_always_asks(@TempDir Path dir) {
    Path out = dir.resolve("out");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      Cli.Result result = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--plan", "strategic", "--years", "2024",
          "--set", "site.discover-form=false", "--set", "skip.after-in-a-row=0");
      assertEquals(0, result.exitCode(), result.err());
      assertEquals(8, replica.requestLog().submitEntries().stream().filter(e -> e.rawQuery().contains("base=ball")).count());
    }
  }
}
