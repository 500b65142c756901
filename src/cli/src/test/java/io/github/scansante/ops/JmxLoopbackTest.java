package io.github.scansante.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scansante.cli.Cli;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --jmx-port} listens on 127.0.0.1 only, checked on the listening sockets the kernel
 * reports ({@code /proc/net/tcp}, {@code /proc/net/tcp6}) and by connecting through a non-loopback
 * address of the machine when it has one.
 */
class JmxLoopbackTest {

  private static final Path TCP4 = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");
  /** The state column's value for a listening socket. */
  private static final String LISTEN = "0A";
  /**
   * 127.0.0.1 as /proc/net/tcp writes it (little-endian hex), and as tcp6 writes the IPv4-mapped
   * ::ffff:127.0.0.1 of Java's dual-stack sockets.
   */
  private static final Set<String> LOOPBACK_HEX = Set.of("0100007F", "0000000000000000FFFF00000100007F");

  @Test
  void serve_publishes_jmx_on_the_loopback_address_only(@TempDir Path out) throws Exception {
    assumeTrue(Files.isReadable(TCP4), "needs Linux's /proc/net/tcp");
    int port = freePort();
    CompletableFuture<Cli.Result> serve = CompletableFuture.supplyAsync(() -> Cli.execute("serve", "--jmx-port",
        Integer.toString(port), "--for", "4s", "--output", out.toString(), "--site", "http://127.0.0.1:9"));
    List<String> listening = awaitListening(port, serve);
    assertFalse(listening.isEmpty(), "nothing listened on " + port);
    assertTrue(LOOPBACK_HEX.containsAll(listening), "local addresses listening on " + port + ": " + listening);
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      assertTrue(s.isConnected());
    }
    Optional<InetAddress> external = nonLoopbackAddress();
    if (external.isPresent()) {
      assertThrows(ConnectException.class, () -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(external.get(), port), 2000);
        }
      }, "reachable through " + external.get());
    }
    Cli.Result result = serve.get(30, TimeUnit.SECONDS);
    assertEquals(0, result.exitCode(), result.err());
  }

  /** Local addresses (hex, as /proc writes them) of the sockets listening on the port, once there are any. */
  private static List<String> awaitListening(int port, CompletableFuture<Cli.Result> serve) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && !serve.isDone()) {
      List<String> found = new ArrayList<>(listeningOn(TCP4, port));
      found.addAll(listeningOn(TCP6, port));
      if (!found.isEmpty()) {
        return found;
      }
      Thread.sleep(50);
    }
    return List.of();
  }

  private static List<String> listeningOn(Path table, int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    if (!Files.isReadable(table)) {
      return addresses;
    }
    String portHex = String.format("%04X", port);
    List<String> lines = Files.readAllLines(table);
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.trim().split("\\s+");
      String[] local = fields[1].split(":");
      if (local[1].equals(portHex) && fields[3].equals(LISTEN)) {
        addresses.add(local[0]);
      }
    }
    return addresses;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    return NetworkInterface.networkInterfaces().filter(JmxLoopbackTest::isUp)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp();
    } catch (SocketException e) {
      return false;
    }
  }
}
