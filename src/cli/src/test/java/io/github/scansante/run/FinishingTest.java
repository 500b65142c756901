package io.github.scansante.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.report.MasterTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run completes only once its master and report are built, and the master covers every verified file. */
class FinishingTest {

  private static Map<String, Long> masterRowsByYear(Path out) throws IOException {
    try (Stream<String> lines = Files.lines(out.resolve(MasterTable.FILE_NAME))) {
      return lines.skip(1).collect(Collectors.groupingBy(l -> l.substring(0, 4), Collectors.counting()));
    }
  }

  @Test
  void a_run_cut_off_while_finishing_resumes_the_finishing_without_a_request(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.csv");
    Files.writeString(plan, "annee,tgeo,codegeo,base\n2023,fe,99,bpub\n2024,fe,99,bpub\n");
    Path out = dir.resolve("out");
    // Something in the master's place makes its rebuild fail after the pass, as a kill there would stop it.
    Path blocker = out.resolve(MasterTable.FILE_NAME);
    Files.createDirectories(blocker);
    Files.writeString(blocker.resolve("keep"), "x");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      String site = replica.baseUri().toString();
      Cli.Result cut = Cli.run(site, out, "--plan", plan.toString());
      assertNotEquals(0, cut.exitCode(), cut.err());
      assertTrue(Files.readString(out.resolve(".scansante/run.properties")).contains("phase=finishing"));
      assertEquals(List.of(), RunHistory.read(out.resolve(RunJournal.RUNS)), "not complete without its master");
      int requests = replica.requestLog().size();

      Files.delete(blocker.resolve("keep"));
      Files.delete(blocker);
      Cli.Result resumed = Cli.run(site, out, "--plan", plan.toString());
      assertEquals(0, resumed.exitCode(), resumed.err());
      assertEquals(requests, replica.requestLog().size(), "the finishing asks the site nothing, not even the landing page");
      List<Map<String, String>> runs = RunHistory.read(out.resolve(RunJournal.RUNS));
      assertEquals(1, runs.size());
      assertEquals("complete", runs.get(0).get("status"));
      assertEquals("2", runs.get(0).get("data"));
      Map<String, Long> rows = masterRowsByYear(out);
      assertEquals(2, rows.size(), rows.toString());
      assertTrue(Files.exists(out.resolve("report.html")));
      assertTrue(Files.notExists(out.resolve(".scansante/journal.csv")));
      assertTrue(Files.notExists(out.resolve(".scansante/run.properties")));

      // A narrow run keeps every earlier verified file, and its rows, in the master.
      Cli.Result narrow = Cli.run(site, out, "--plan", plan.toString(), "--years", "2024");
      assertEquals(0, narrow.exitCode(), narrow.err());
      assertEquals(1, ManifestWriter.read(out.resolve(RunJournal.MANIFEST)).size(), "the manifest is this run's");
      assertEquals(rows, masterRowsByYear(out), "the master is every verified file of the folder");
    }
  }
}
