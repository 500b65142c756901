package io.github.scansante.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.replica.EchoRename;
import io.github.scansante.replica.FormMarkup;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code check}: two requests, then point by point whether a run can proceed. */
class CheckCommandTest {

  private static final long DELAY_MS = 300;

  @Test
  void passes_against_the_replica_with_two_requests_spaced_by_the_delay() {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      Cli.Result result = Cli.execute("check", "--site", replica.baseUri().toString(), "--delay", DELAY_MS + "ms");

      assertEquals(0, result.exitCode(), result.out() + result.err());
      for (String point : List.of("form fields present", "form codes match the catalogue", "echo lines and words as expected",
          "table columns as expected", "Total row")) {
        assertTrue(result.out().contains("ok    " + point), point + " in\n" + result.out());
      }
      assertTrue(result.out().contains("A run can proceed."), result.out());
      List<RequestLog.Entry> requests = replica.requestLog().entries();
      assertEquals(2, requests.size());
      assertTrue(requests.get(1).rawQuery().contains("annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=tous"), requests.get(1).rawQuery());
      assertTrue(requests.get(1).nanoTime() - requests.get(0).nanoTime() >= DELAY_MS * 1_000_000, "spaced by the delay");
      assertTrue(requests.get(1).hadSessionCookie(), "the landing page's session goes with the request");
    }
  }

  @Test
  void passes_against_a_differently_worded_form() {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().formMarkup(FormMarkup.WORDED).build())) {
      Cli.Result result = Cli.execute("check", "--site", replica.baseUri().toString(), "--delay", "0");

      assertEquals(0, result.exitCode(), result.out() + result.err());
      assertTrue(result.out().contains("labels worded differently"), result.out());
    }
  }

  @Test
  void fails_naming_the_point_when_the_echo_renames_a_line() {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().echoRename(EchoRename.ZONE).build())) {
      Cli.Result result = Cli.execute("check", "--site", replica.baseUri().toString(), "--delay", "0");

      assertEquals(4, result.exitCode(), result.out());
      assertEquals("scansante: check failed: echo lines and words as expected", result.err().strip());
      assertTrue(result.out().contains("FAIL  echo lines and words as expected: echo-mismatch: no zone line"), result.out());
      assertTrue(result.out().contains("'Territoire : France Entière'"), result.out());
      assertTrue(result.out().contains("ok    table columns as expected"), result.out());
      assertEquals(2, replica.requestLog().size());
    }
  }

  @Test
  void fails_naming_the_point_when_there_is_no_form() {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().landingPath("/elsewhere").build())) {
      Cli.Result result = Cli.execute("check", "--site", replica.baseUri().toString(), "--delay", "0");

      assertEquals(4, result.exitCode(), result.out());
      assertTrue(result.err().contains("form fields present"), result.err());
      assertTrue(result.out().contains("ok    echo lines and words as expected"), "the answer is still judged: " + result.out());
    }
  }
}
