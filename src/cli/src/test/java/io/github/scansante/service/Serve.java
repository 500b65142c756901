package io.github.scansante.service;

import io.github.scansante.cli.Cli;
import io.github.scansante.ops.JmxCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * {@code serve --http-port} in this JVM, with an HTTP client for it; stopped through JMX, logged in as
 * the control user of a password file of its own.
 */
final class Serve implements AutoCloseable {

  /** Generous: a loaded 2-core machine has taken over a minute to start serve. */
  static final Duration PATIENCE = Duration.ofSeconds(180);
  /** A cron that never fires during a test. */
  private static final String NEVER = "0 0 3 1 1 ? 2099";

  final int httpPort;
  final int jmxPort;
  private final CompletableFuture<Cli.Result> result;
  private final String controlPassword;
  private JMXConnector jmx;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Serve(int httpPort, int jmxPort, String controlPassword, CompletableFuture<Cli.Result> result) {
    this.httpPort = httpPort;
    this.jmxPort = jmxPort;
    this.controlPassword = controlPassword;
    this.result = result;
  }

  static Serve start(String... options) throws Exception {
    int http = freePort();
    int jmx = freePort();
    String control = randomPassword();
    Path passwords = passwordFile(control);
    List<String> args = new ArrayList<>(List.of("serve", "--http-port", Integer.toString(http), "--jmx-port",
        Integer.toString(jmx), "--jmx-password-file", passwords.toString(), "--cron", NEVER, "--for", "300s"));
    args.addAll(List.of(options));
    Serve serve = new Serve(http, jmx, control, CompletableFuture.supplyAsync(() -> Cli.execute(args.toArray(String[]::new))));
    try {
      serve.await("the HTTP server", () -> serve.answers("/observe/health"));
      serve.await("the JMX connector", serve::connectJmx);
    } catch (Exception | AssertionError e) {
      // Do not leave it running: it would hold the command line's lock until its lifetime ends.
      if (serve.jmx != null || serve.connectJmx()) {
        serve.stop();
      }
      throw e;
    }
    return serve;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A form POST, as the page's form sends it; extra headers as name, value pairs. */
  HttpResponse<String> post(String path, String form, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private boolean answers(String path) {
    if (result.isDone()) {
      throw new AssertionError("serve ended: " + result.join());
    }
    try {
      get(path);
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private boolean connectJmx() {
    try {
      jmx = JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"),
          Map.of(JMXConnector.CREDENTIALS, new String[] {JmxCredentials.CONTROL, controlPassword}));
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Stops Camel through JMX and returns what serve printed and its exit code. */
  Cli.Result stop() throws Exception {
    if (!result.isDone()) {
      try (JMXConnector connector = jmx) {
        connector.getMBeanServerConnection().invoke(
            new ObjectName("org.apache.camel:context=scansante,type=context,name=\"scansante\""), "stop", null, null);
      }
    }
    return result.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  /** Readable by its owner only, as serve requires; a monitor line too, as in the file serve generates. */
  private static Path passwordFile(String control) throws IOException {
    Path dir = Files.createTempDirectory("serve-jmx");
    dir.toFile().deleteOnExit();
    Path file = Files.createFile(dir.resolve("jmx.password"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    file.toFile().deleteOnExit();
    Files.writeString(file, JmxCredentials.MONITOR + " " + randomPassword() + "\n" + JmxCredentials.CONTROL + " " + control + "\n");
    return file;
  }

  private static String randomPassword() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
