package io.github.scansante.cli;

import static io.github.scansante.cli.SettingsValidationTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors a user meets are one sentence, the cause and what to do, with no exception class names. */
class FailureMessagesTest {

  @Test
  void discover_against_a_site_that_refuses_names_the_url_and_the_cause() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Cli.Result r = Cli.execute("plan", "--discover", "--site", "http://127.0.0.1:" + closed);
    assertEquals(1, r.exitCode(), r.err());
    assertOneSentence(r, "cannot read the site's form at http://127.0.0.1:" + closed
        + "/applications/cartographie-activite-MCO: the connection was refused; check the address (--site) and the network,"
        + " or try again later");
  }

  @Test
  void simulate_on_a_port_in_use_says_so_and_what_to_do() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Cli.Result r = Cli.execute("simulate", "--port", Integer.toString(port));
      assertRefused(r, "port " + port + " is in use; choose another with --port (0 picks any free port)");
    }
  }

  @Test
  void parse_of_a_folder_a_missing_file_or_a_device_is_bad_input(@TempDir Path dir) {
    assertRefused(Cli.execute("parse", dir.toString()), dir + " is a folder; give the path of a results page saved from the site");
    assertRefused(Cli.execute("parse", dir.resolve("nope.html").toString()),
        "no such file: " + dir.resolve("nope.html") + "; give the path of a results page saved from the site");
    if (Files.exists(Path.of("/dev/zero"))) {
      assertRefused(Cli.execute("parse", "/dev/zero"), "/dev/zero is larger than 20000000 bytes (page.max-bytes): not a saved results page");
    }
  }

  @Test
  void a_failure_nobody_foresaw_is_one_line_without_class_names() {
    UserMessages.Failure f = UserMessages.of(new IllegalStateException(new java.io.IOException("No space left on device")), "run");
    assertEquals(1, f.exitCode());
    assertEquals("run stopped: No space left on device; run again with -Dscansante.log-level=DEBUG for the details", f.message());
    UserMessages.Failure npe = UserMessages.of(new NullPointerException(), "run");
    assertEquals("run stopped: an unexpected internal error; run again with -Dscansante.log-level=DEBUG for the details",
        npe.message());
  }

  private static void assertOneSentence(Cli.Result r, String expected) {
    List<String> lines = r.err().lines().toList();
    assertEquals(List.of("scansante: " + expected), lines);
    assertFalse(r.err().contains("Exception"), r.err());
  }
}
