package io.github.scansante.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.run.RunJournal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve: the Quartz trigger and the JMX operation, over the real mechanisms. */
public class OperationsTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  /** Two runs of a two-second cron: seconds on an idle machine, far more on a loaded one. */
  private static final Duration QUARTZ_PATIENCE = Duration.ofSeconds(90);

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    await(what, PATIENCE, condition);
  }

  public static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(patience);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(50);
    }
  }

  private static List<String> runs(Path out) {
    try {
      return Files.exists(out.resolve(RunJournal.RUNS)) ? Files.readAllLines(out.resolve(RunJournal.RUNS)) : List.of();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Waits for two scheduled runs rather than counting the runs of a fixed lifetime: a cold JVM on a
   * loaded machine can spend several seconds on the first run, so the window is wide (QUARTZ_PATIENCE)
   * and the test ends, through Camel's own stop operation, as soon as both runs are recorded.
   */
  @Test
  void a_seconds_level_cron_fires_twice(@TempDir Path out) throws Exception {
    int port = freePort();
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      CompletableFuture<Cli.Result> serve = CompletableFuture.supplyAsync(() -> Cli.execute("serve",
          "--site", replica.baseUri().toString(), "--output", out.toString(), "--cron", "*/2 * * * * ?",
          "--jmx-port", Integer.toString(port), "--delay", "0", "--limit", "2",
          "--for", QUARTZ_PATIENCE.plusSeconds(30).toSeconds() + "s"));
      await("two scheduled runs in runs.csv", QUARTZ_PATIENCE, () -> runs(out).size() >= 3 || serve.isDone());
      if (!serve.isDone()) {
        stopCamel(port, out);
      }
      Cli.Result r = serve.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.err());
      List<String> runs = runs(out);
      assertTrue(runs.size() >= 3, "header + at least two scheduled runs: " + runs);
      assertTrue(runs.subList(1, runs.size()).stream().allMatch(l -> l.contains(",quartz,")), runs.toString());
    }
  }

  /** Stops serve through Camel's own operation, logged in with the password serve generated under {@code out}. */
  public static void stopCamel(int jmxPort, Path out) throws Exception {
    try (JMXConnector connector = connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"), out)) {
      connector.getMBeanServerConnection()
          .invoke(new ObjectName("org.apache.camel:context=scansante,type=context,name=\"scansante\""), "stop", null, null);
    }
  }

  @Test
  void jmx_triggers_a_run_reports_it_and_lets_one_run_at_a_time(@TempDir Path out) throws Exception {
    int port = freePort();
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      CompletableFuture<Cli.Result> serve = CompletableFuture.supplyAsync(() -> Cli.execute("serve",
          "--site", replica.baseUri().toString(), "--output", out.toString(), "--cron", "0 0 3 1 1 ? 2099",
          "--jmx-port", Integer.toString(port), "--delay", "200ms", "--limit", "6", "--for", "60s"));
      JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
      JMXConnector connector = connect(url, out);
      try {
        MBeanServerConnection jmx = connector.getMBeanServerConnection();
        ObjectName control = new ObjectName(ExtractionControl.OBJECT_NAME);
        await("the control MBean", () -> registered(jmx, control));
        assertEquals("idle", jmx.getAttribute(control, "State"));

        String runId = (String) jmx.invoke(control, "triggerRun", null, null);
        assertTrue(runId.endsWith("-jmx"), runId);
        String second = (String) jmx.invoke(control, "triggerRun", null, null);
        assertEquals("run " + runId + " is in progress; nothing started", second);
        assertEquals("running", jmx.getAttribute(control, "State"));
        assertEquals(runId, jmx.getAttribute(control, "CurrentRunId"));
        await("the run to finish", () -> "idle".equals(attribute(jmx, control, "State")));
        assertTrue(((String) jmx.getAttribute(control, "LastRunSummary")).startsWith("run " + runId + " (jmx): 6 combinations"));

        // Camel's own MBeans stay available beside ours.
        ObjectName route = new ObjectName("org.apache.camel:context=scansante,type=routes,name=\"run-pass\"");
        assertEquals("Started", jmx.getAttribute(route, "State"));
        jmx.invoke(new ObjectName("org.apache.camel:context=scansante,type=context,name=\"scansante\""), "stop", null, null);
      } finally {
        connector.close();
      }
      Cli.Result r = serve.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.exitCode(), r.err());
      List<String> runs = runs(out);
      assertEquals(2, runs.size(), runs.toString());
      assertTrue(runs.get(1).startsWith(runId(runs) + ",complete,jmx,"), runs.toString());
      assertEquals(7, replica.requestLog().entries().size(), "one landing page and six combinations: the refused trigger sent nothing");
    }
  }

  private static String runId(List<String> runs) {
    return runs.get(1).split(",")[0];
  }

  /** Logs in as the control user of the password file serve generated in the output's state folder. */
  private static JMXConnector connect(JMXServiceURL url, Path out) throws Exception {
    Instant deadline = Instant.now().plus(PATIENCE);
    Path passwords = out.resolve(RunJournal.STATE_DIR).resolve("jmx.password");
    while (true) {
      try {
        String control = Files.readAllLines(passwords).stream().filter(l -> l.startsWith(JmxCredentials.CONTROL + " "))
            .findFirst().orElseThrow().split(" ")[1];
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {JmxCredentials.CONTROL, control}));
      } catch (java.io.IOException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw notYet;
        }
        Thread.sleep(100);
      }
    }
  }

  private static boolean registered(MBeanServerConnection jmx, ObjectName name) {
    try {
      return jmx.isRegistered(name);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static Object attribute(MBeanServerConnection jmx, ObjectName name, String attribute) {
    try {
      return jmx.getAttribute(name, attribute);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
