package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.cli.ScansanteCli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a run in a child JVM: it takes no new combination, writes the manifest of what it did,
 * keeps its journal and exits 143; running again resumes the pass with nothing lost.
 */
class StopTest {

  private static final int PLAN_SIZE = 30;
  /** The run should end within 5 s; the window is wider for a loaded machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void sigterm_stops_the_run_with_143_and_the_next_run_resumes_it(@TempDir Path out) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("slow:every=1:ms=300").build())) {
      String site = replica.baseUri().toString();
      Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ScansanteCli.class.getName(),
          "run", "--site", site, "--output", out.toString(), "--delay", "100ms", "--limit", Integer.toString(PLAN_SIZE),
          "--set", "camel.main.jmx-enabled=false")
          .redirectErrorStream(true).redirectOutput(out.resolveSibling("child.log").toFile()).start();
      Path journal = out.resolve(RunJournal.STATE_DIR).resolve("journal.csv");
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (lines(journal) < 5 && Instant.now().isBefore(deadline) && child.isAlive()) {
        Thread.sleep(20);
      }
      long sent = System.nanoTime();
      child.destroy(); // SIGTERM
      assertTrue(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the run ended");
      double stopSeconds = (System.nanoTime() - sent) / 1e9;
      System.out.printf("SIGTERM to exit: %.2f s%n", stopSeconds);
      assertEquals(143, child.exitValue(), Files.readString(out.resolveSibling("child.log")));

      List<ManifestRow> done = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertTrue(done.size() >= 5 && done.size() < PLAN_SIZE, "stopped mid-pass: " + done.size());
      assertEquals(done.size(), RunJournal.rowsOf(journal).size(), "the manifest lists what the journal holds");
      assertTrue(Files.exists(out.resolve(RunJournal.STATE_DIR).resolve("run.properties")), "the run stays resumable");
      assertTrue(!Files.exists(out.resolve(RunJournal.RUNS)), "not a completed run");
      int requestsBeforeResume = replica.requestLog().submitEntries().size();

      Cli.Result resumed = Cli.run(site, out, "--limit", Integer.toString(PLAN_SIZE));
      assertEquals(0, resumed.exitCode(), resumed.err());
      List<ManifestRow> manifest = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertEquals(PLAN_SIZE, manifest.stream().map(r -> r.combination().key()).distinct().count(), "no combination lost");
      Map<String, Long> perQuery = replica.requestLog().submitEntries().stream()
          .collect(Collectors.groupingBy(RequestLog.Entry::rawQuery, Collectors.counting()));
      long repeated = perQuery.values().stream().mapToLong(n -> n - 1).sum();
      assertTrue(repeated <= 1, "at most the request in flight at the stop is asked again: " + repeated);
      assertTrue(requestsBeforeResume >= done.stream().filter(r -> !r.url().isEmpty()).count());
      assertEquals(2, Files.readAllLines(out.resolve(RunJournal.RUNS)).size(), "one run, completed once");
    }
  }

  private static long lines(Path file) throws java.io.IOException {
    return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count() : 0;
  }
}
