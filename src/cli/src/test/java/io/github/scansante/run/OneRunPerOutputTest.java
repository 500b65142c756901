package io.github.scansante.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.cli.ScansanteCli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.state.OutputLock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scansante command per output folder, across processes: a second one is refused at once with
 * exit 75, naming the holder; a holder killed with {@code kill -9} leaves a lock file that blocks nothing.
 */
class OneRunPerOutputTest {

  /** Generous: a loaded 2-core machine is slow to start a JVM. */
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String PLAN = "--plan france --years 2024 --limit 1";

  @Test
  void a_second_process_on_the_same_output_is_refused_with_75_naming_the_first(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    try (ServerSocket silent = silentSite()) {
      Process first = holdingRun(silent, out, dir.resolve("first.log"));
      try {
        long started = System.nanoTime();
        Process second = command("run", "--site", site(silent), "--output", out.toString()).start();
        assertTrue(second.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the second process ended");
        long refusedMs = (System.nanoTime() - started) / 1_000_000;
        String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.printf("second process refused in %d ms (JVM start included): %s%n", refusedMs, err.strip());
        assertEquals(75, second.exitValue(), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("scansante: the output folder " + out + " is in use by another scansante process (pid "
            + first.pid() + ", started "), err);
        assertTrue(err.strip().endsWith(", command run); wait for it to end, or choose another --output"), err);
        assertTrue(first.isAlive(), "the first goes on");
      } finally {
        first.destroyForcibly();
        first.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void the_lock_of_a_process_killed_with_kill_9_does_not_block_the_next_run(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    try (ServerSocket silent = silentSite()) {
      Process killed = holdingRun(silent, out, dir.resolve("killed.log"));
      killed.destroyForcibly(); // SIGKILL: no shutdown hook, nothing released by the process itself
      assertTrue(killed.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
      assertTrue(Files.readString(lockFile(out)).contains("pid=" + killed.pid()), "the dead holder's text is left");
    }
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      Cli.Result next = Cli.run(replica.baseUri().toString(), out, PLAN.split(" "));
      assertEquals(0, next.exitCode(), next.err());
      assertEquals(1, ManifestWriter.read(out.resolve(RunJournal.MANIFEST)).size(), "the next run completed");
    }
    assertEquals("", Files.readString(lockFile(out)), "released, naming nobody");
  }

  @Test
  void a_second_command_in_the_same_process_is_refused_the_same_way(@TempDir Path out) throws IOException {
    try (OutputLock held = OutputLock.acquire(out, "serve")) {
      long started = System.nanoTime();
      Cli.Result r = Cli.run("http://127.0.0.1:9", out, PLAN.split(" "));
      System.out.printf("second command in the same JVM refused in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      assertEquals(75, r.exitCode(), r.err());
      assertEquals(List.of("scansante: the output folder " + out + " is in use by another command of this scansante process ("
          + held.holder().describe() + "); wait for it to end, or choose another --output"), r.err().lines().toList());
      assertFalse(Files.exists(out.resolve(RunJournal.MANIFEST)), "nothing started");
    }
  }

  /** A site that accepts connections and never answers: a run against it holds its output folder until killed. */
  private static ServerSocket silentSite() throws IOException {
    return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  private static String site(ServerSocket silent) {
    return "http://127.0.0.1:" + silent.getLocalPort();
  }

  /** A {@code run} in a child JVM, once it holds the output folder. */
  private static Process holdingRun(ServerSocket silent, Path out, Path log) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", "--site", site(silent), "--output", out.toString(), "--delay", "0"));
    args.addAll(List.of(PLAN.split(" ")));
    Process child = command(args.toArray(String[]::new)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!holds(out, child) && child.isAlive() && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    assertTrue(holds(out, child), "the first process holds the folder: " + (Files.exists(log) ? Files.readString(log) : ""));
    return child;
  }

  private static boolean holds(Path out, Process child) throws IOException {
    Path lock = lockFile(out);
    return Files.exists(lock) && Files.readString(lock).contains("pid=" + child.pid() + "\n");
  }

  private static ProcessBuilder command(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ScansanteCli.class.getName()));
    command.addAll(List.of(args));
    command.addAll(List.of("--set", "camel.main.jmx-enabled=false"));
    return new ProcessBuilder(command);
  }

  private static Path lockFile(Path out) {
    return out.resolve(RunJournal.STATE_DIR).resolve(OutputLock.FILE);
  }
}
