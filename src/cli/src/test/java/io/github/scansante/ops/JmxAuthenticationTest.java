package io.github.scansante.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s JMX connector lets no one in without a password: anonymous and wrong
 * credentials are refused, the control user reads and triggers runs, the monitor user only reads.
 */
class JmxAuthenticationTest {

  private static final ObjectName EXTRACTION = name(ExtractionControl.OBJECT_NAME);

  @Test
  void anonymous_and_wrong_passwords_are_refused_and_only_the_control_user_may_trigger(@TempDir Path dir) throws Exception {
    assumePosix(dir);
    Path passwords = ownerOnly(Files.writeString(dir.resolve("jmx.password"),
        "# users\ncontrol s3cret-control\nmonitor s3cret-monitor\n"));
    int port = freePort();
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      CompletableFuture<Cli.Result> serve = serve(port, dir.resolve("out"), replica, "--jmx-password-file", passwords.toString());
      JMXServiceURL url = awaitConnector(port, Map.of(JMXConnector.CREDENTIALS, new String[] {"control", "s3cret-control"}), serve);

      SecurityException anonymous = assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url).close());
      assertTrue(anonymous.getMessage().contains("authentication required"), anonymous.getMessage());
      assertThrows(SecurityException.class, () -> connect(url, "control", "guess").close());
      assertThrows(SecurityException.class, () -> connect(url, "nobody", "s3cret-control").close());

      try (JMXConnector control = connect(url, "control", "s3cret-control")) {
        MBeanServerConnection mbeans = control.getMBeanServerConnection();
        assertTrue(List.of("idle", "running").contains(mbeans.getAttribute(EXTRACTION, "State")));
        String runId = (String) mbeans.invoke(EXTRACTION, "triggerRun", null, null);
        assertTrue(runId.endsWith("-jmx"), runId);
      }
      try (JMXConnector monitor = connect(url, "monitor", "s3cret-monitor")) {
        MBeanServerConnection mbeans = monitor.getMBeanServerConnection();
        assertTrue(List.of("idle", "running").contains(mbeans.getAttribute(EXTRACTION, "State")));
        SecurityException denied = assertThrows(SecurityException.class,
            () -> mbeans.invoke(EXTRACTION, "triggerRun", null, null));
        assertTrue(denied.getMessage().contains("user monitor is read-only"), denied.getMessage());
      }
      Cli.Result result = serve.get(60, TimeUnit.SECONDS);
      assertEquals(0, result.exitCode(), result.err());
    }
  }

  @Test
  void without_a_password_file_one_is_generated_owner_only_in_the_state_folder(@TempDir Path dir) throws Exception {
    assumePosix(dir);
    Path out = dir.resolve("out");
    int port = freePort();
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      CompletableFuture<Cli.Result> serve = serve(port, out, replica);
      Path generated = out.resolve(RunJournal.STATE_DIR).resolve("jmx.password");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(generated) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(generated)));
      String control = Files.readAllLines(generated).stream().filter(l -> l.startsWith("control ")).findFirst()
          .orElseThrow().split(" ")[1];
      assertTrue(control.length() >= 32, "a long random password");
      JMXServiceURL url = awaitConnector(port, Map.of(JMXConnector.CREDENTIALS, new String[] {"control", control}), serve);
      assertThrows(SecurityException.class, () -> JMXConnectorFactory.connect(url).close());
      Cli.Result result = serve.get(60, TimeUnit.SECONDS);
      assertEquals(0, result.exitCode(), result.err());
      assertTrue(result.out().contains("JMX users and passwords: " + generated), result.out());
    }
  }

  @Test
  void a_password_file_others_can_read_is_refused_in_one_line(@TempDir Path dir) throws Exception {
    assumePosix(dir);
    Path passwords = Files.writeString(dir.resolve("jmx.password"), "control secret\n");
    Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-r--r--"));
    Cli.Result r = Cli.execute("serve", "--jmx-port", Integer.toString(freePort()), "--for", "1s",
        "--output", dir.resolve("out").toString(), "--jmx-password-file", passwords.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(List.of("scansante: the JMX password file " + passwords + " must be readable by its owner only, as the"
        + " JDK's JMX agent requires (chmod 600 " + passwords + ")"), r.err().lines().toList());
  }

  private static CompletableFuture<Cli.Result> serve(int port, Path out, ReplicaServer replica, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("serve", "--jmx-port", Integer.toString(port), "--for", "10s",
        "--output", out.toString(), "--site", replica.baseUri().toString(), "--delay", "0", "--limit", "1"));
    args.addAll(List.of(extra));
    return CompletableFuture.supplyAsync(() -> Cli.execute(args.toArray(String[]::new)));
  }

  /** The connector's URL, once a login with these credentials succeeds. */
  private static JMXServiceURL awaitConnector(int port, Map<String, ?> env, CompletableFuture<Cli.Result> serve)
      throws Exception {
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try (JMXConnector c = JMXConnectorFactory.connect(url, env)) {
        c.getMBeanServerConnection().getAttribute(EXTRACTION, "State");
        return url;
      } catch (IOException | javax.management.InstanceNotFoundException notYet) {
        if (serve.isDone() || System.nanoTime() > deadline) {
          throw new AssertionError("the connector never answered: " + (serve.isDone() ? serve.get().err() : notYet));
        }
        Thread.sleep(100);
      }
    }
  }

  private static JMXConnector connect(JMXServiceURL url, String user, String password) throws IOException {
    return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
  }

  private static Path ownerOnly(Path file) throws IOException {
    return Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
  }

  private static void assumePosix(Path dir) {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "needs POSIX permissions");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static ObjectName name(String text) {
    try {
      return new ObjectName(text);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
