package io.github.scansante.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the commands read outside the pipeline (a saved page, the landing page for plan --discover)
 * is bounded like what the pipeline reads: page.max-bytes and site.response-deadline-ms. Each
 * refusal is one line, never an OutOfMemoryError.
 */
class InputBoundsTest {

  @AfterEach
  void clearOverrides() {
    System.clearProperty("page.max-bytes");
    System.clearProperty("site.response-deadline-ms");
  }

  private static void assertOneLine(Cli.Result r, int exitCode, String expected) {
    assertEquals(exitCode, r.exitCode(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertTrue(!r.err().contains("OutOfMemoryError"), r.err());
  }

  @Test
  void parse_refuses_a_file_larger_than_the_cap(@TempDir Path dir) throws Exception {
    System.setProperty("page.max-bytes", "2000");
    Path page = Files.write(dir.resolve("big.html"), new byte[2001]);
    assertOneLine(Cli.execute("parse", page.toString()), 2,
        "scansante: " + page + " is larger than 2000 bytes (page.max-bytes): not a saved results page");
  }

  @Test
  void parse_of_an_endless_file_ends_with_one_line() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero), "needs /dev/zero");
    assertOneLine(Cli.execute("parse", zero.toString()), 2, "/dev/zero is larger than 20000000 bytes (page.max-bytes)");
  }

  @Test
  void parse_of_a_folder_says_so(@TempDir Path dir) {
    assertOneLine(Cli.execute("parse", dir.toString()), 2,
        "scansante: " + dir + " is a folder; give the path of a results page saved from the site");
  }

  @Test
  void discover_stops_reading_an_endless_landing_page_at_the_cap() {
    System.setProperty("page.max-bytes", "1000000");
    try (ReplicaServer replica = ReplicaServer.start(
        ReplicaConfig.builder().faults("huge:every=1:path=landing:bytes=3000000000").build())) {
      Cli.Result r = Cli.execute("plan", "--discover", "--site", replica.baseUri().toString());
      assertOneLine(r, 1, "is larger than 1000000 bytes (page.max-bytes)");
    }
  }

  @Test
  void discover_gives_up_on_a_trickling_landing_page_at_the_deadline() {
    System.setProperty("site.response-deadline-ms", "1500");
    try (ReplicaServer replica = ReplicaServer.start(
        ReplicaConfig.builder().faults("trickle:every=1:ms=100:path=landing").build())) {
      long start = System.nanoTime();
      Cli.Result r = Cli.execute("plan", "--discover", "--site", replica.baseUri().toString());
      double seconds = (System.nanoTime() - start) / 1e9;
      assertOneLine(r, 1, "no complete answer from " + replica.landingUri() + " within 1500 ms (site.response-deadline-ms)");
      assertTrue(seconds >= 1.5 && seconds < 60, "gave up after " + seconds + " s");
    }
  }
}
