package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.ops.OperationsTest;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.run.RunHistory;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site that never answers ends the run with its own exit code and one message naming the site and
 * the cause, its journal kept; under serve the next trigger tries again. All on loopback.
 */
class GiveUpTest {

  /** Two scheduled runs of a two-second cron: seconds on an idle machine, far more on a loaded one. */
  private static final Duration SERVE_PATIENCE = Duration.ofSeconds(90);
  /** Landing: 1 attempt + 1 retry; then 2 further attempts with no answer: the run gives up. */
  private static final String[] DEAD_SITE = {"--limit", "5", "--set", "retry.max-retries=1",
      "--set", "circuit.failure-threshold=3", "--set", "circuit.give-up-attempts=2"};

  private static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void a_refused_connection_ends_the_run_with_exit_69_naming_the_site_and_the_cause(@TempDir Path out) throws IOException {
    String site = "http://127.0.0.1:" + deadPort();
    long started = System.nanoTime();
    Cli.Result r = Cli.runWithoutDatabase(site, out, DEAD_SITE);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertEquals(69, r.exitCode(), r.err());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].contains(site) && lines[0].contains("connection refused") && lines[0].contains("resume"), lines[0]);
    assertTrue(Files.exists(out.resolve(RunJournal.STATE_DIR).resolve("run.properties")), "the run stays resumable");
    assertTrue(Files.exists(out.resolve(RunJournal.MANIFEST)), "the manifest says what was done (nothing)");
    assertTrue(!Files.exists(out.resolve(RunJournal.RUNS)), "not recorded as a completed run");
    System.out.printf("gave up on %s after %.1f s%n", site, seconds);

    // The next run, of another site and plan, does not take the dead run over: it is set aside.
    String deadRunId = properties(out.resolve(".scansante/run.properties")).getProperty("id");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      Cli.Result next = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--plan", "france", "--limit", "3");
      assertEquals(0, next.exitCode(), next.err());
      List<Map<String, String>> runs = RunHistory.read(out.resolve(RunJournal.RUNS));
      assertEquals(List.of(deadRunId + " abandoned strategic", runs.get(1).get("run_id") + " complete france"),
          runs.stream().map(row -> row.get("run_id") + " " + row.get("status") + " " + row.get("plan")).toList());
      assertTrue(!runs.get(1).get("run_id").equals(deadRunId));
      assertEquals("3", runs.get(1).get("combinations"));
    }
  }

  private static Properties properties(Path file) throws IOException {
    Properties p = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      p.load(reader);
    }
    return p;
  }

  @Test
  void under_serve_each_trigger_tries_again_and_gives_up_again(@TempDir Path out) throws Exception {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // Accepts and hangs up at once: no HTTP answer ever.
      Thread acceptor = new Thread(() -> {
        while (!mute.isClosed()) {
          try (Socket s = mute.accept()) {
            connections.incrementAndGet();
          } catch (IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String site = "http://127.0.0.1:" + mute.getLocalPort();
      int jmxPort = deadPort();
      CompletableFuture<Cli.Result> serve = CompletableFuture.supplyAsync(() -> Cli.execute("serve", "--site", site,
          "--output", out.toString(), "--cron", "*/2 * * * * ?", "--for", SERVE_PATIENCE.plusSeconds(30).toSeconds() + "s",
          "--jmx-port", Integer.toString(jmxPort), "--delay", "0",
          "--set", "retry.initial-delay-ms=20", "--set", "circuit.initial-pause-ms=50",
          "--limit", "5", "--set", "retry.max-retries=1", "--set", "circuit.give-up-attempts=2"));
      // Two runs' worth of attempts, however long a loaded machine takes to start serve and fire twice.
      OperationsTest.await("two runs that gave up", SERVE_PATIENCE, () -> connections.get() >= 8 || serve.isDone());
      if (!serve.isDone()) {
        OperationsTest.stopCamel(jmxPort, out);
      }
      Cli.Result r = serve.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.err());
    }
    // Each run: landing 2 attempts + 2 further attempts, then it gives up; the next fire tries again.
    assertTrue(connections.get() >= 8, "at least two runs tried the site: " + connections.get() + " connections");
    assertTrue(!Files.exists(out.resolve(RunJournal.RUNS)), "no run completed");
  }
}
