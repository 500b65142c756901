package io.github.scansante.run;

import io.github.scansante.output.DataFiles;
import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.cli.ScansanteCli;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import io.github.scansante.state.OwnFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with SIGKILL in a child JVM resumes without asking the site again for what it finished. */
class ResumeTest {

  private static final int PLAN_SIZE = 30;

  @Test
  void a_killed_run_resumes_where_it_stopped(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      String site = replica.baseUri().toString();
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ScansanteCli.class.getName(),
          "run", "--site", site, "--output", out.toString(), "--delay", "100ms", "--limit", Integer.toString(PLAN_SIZE),
          "--set", "camel.main.jmx-enabled=false")
          .redirectErrorStream(true).redirectOutput(out.resolveSibling("child.log").toFile()).start();
      Path journal = out.resolve(".scansante/journal.csv");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (finished(journal) < 8 && Instant.now().isBefore(deadline) && child.isAlive()) {
        Thread.sleep(20);
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
      assertTrue(child.waitFor(10, TimeUnit.SECONDS));
      long finishedBeforeKill = finished(journal);
      assertTrue(finishedBeforeKill >= 8 && finishedBeforeKill < PLAN_SIZE, "killed mid-run after " + finishedBeforeKill);
      int requestsBeforeResume = replica.requestLog().submitEntries().size();

      Cli.Result resumed = Cli.run(site, out, "--limit", Integer.toString(PLAN_SIZE));
      assertEquals(0, resumed.exitCode(), resumed.err());

      List<ManifestRow> manifest = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertEquals(PLAN_SIZE, manifest.size(), "no combination lost");
      assertEquals(PLAN_SIZE, manifest.stream().map(r -> r.combination().key()).distinct().count());
      List<ManifestRow> requested = manifest.stream().filter(r -> !r.url().isEmpty()).toList();
      assertTrue(requested.stream().allMatch(r -> r.outcome() == Outcome.DATA || r.outcome() == Outcome.EMPTY), manifest.toString());
      assertTrue(manifest.stream().filter(r -> r.url().isEmpty()).allMatch(r -> r.combination().base().equals("ball")),
          "only what the form does not offer goes unrequested");
      Map<String, Long> perQuery = replica.requestLog().submitEntries().stream()
          .collect(Collectors.groupingBy(RequestLog.Entry::rawQuery, Collectors.counting()));
      long repeated = perQuery.values().stream().mapToLong(n -> n - 1).sum();
      assertTrue(repeated <= 1, "at most the combination in flight at the kill is asked again: " + repeated);
      assertEquals(requested.size(), perQuery.size(), "every offered combination was asked");
      assertTrue(requestsBeforeResume >= finishedBeforeKill);
      for (ManifestRow row : manifest) {
        if (row.outcome() == Outcome.DATA) {
          assertEquals(row.sha256(), DataFiles.sha256(out.resolve(row.file())), row.file());
        }
      }
      try (Stream<Path> files = Files.walk(out)) {
        assertEquals(List.of(), files.filter(p -> p.toString().endsWith(OwnFiles.TEMP_SUFFIX)).toList(), "no partial file");
      }
      List<String> runs = Files.readAllLines(out.resolve(RunJournal.RUNS));
      assertEquals(2, runs.size(), "one run, completed once: " + runs);
    }
  }

  /** Whole journal lines: the header and a line torn by the kill are not finished combinations. */
  private static long finished(Path journal) {
    return RunJournal.rowsOf(journal).size();
  }

}
