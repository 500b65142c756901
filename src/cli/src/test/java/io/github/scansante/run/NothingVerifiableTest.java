package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.EchoRename;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site that words its echo unlike the contract makes every page unverifiable: the run stops
 * after its first ten answers instead of spending the whole plan, says why, and keeps the pages.
 */
class NothingVerifiableTest {

  private static List<Path> kept(Path out) throws Exception {
    Path diagnosis = out.resolve(RunJournal.STATE_DIR).resolve(DiagnosisFolder.DIR);
    try (Stream<Path> files = Files.walk(diagnosis)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  @Test
  void a_renamed_echo_line_stops_the_run_after_ten_answers_with_exit_4(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().echoRename(EchoRename.ZONE).build())) {
      Cli.Result result = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--plan", "strategic");

      assertEquals(4, result.exitCode(), result.err());
      assertEquals(10, replica.requestLog().submitEntries().size(), "of 170 the plan would send");
      String message = result.err().strip();
      assertEquals(1, message.lines().count(), message);
      assertTrue(message.contains("'Territoire : France Entière'") && message.contains("'France Entière'")
          && message.contains("prefix 'Zone géographique'"), message);
      assertTrue(message.contains(out.resolve(RunJournal.STATE_DIR).resolve(DiagnosisFolder.DIR).toAbsolutePath().toString()), message);

      List<ManifestRow> manifest = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertEquals(10, manifest.size());
      assertTrue(manifest.stream().allMatch(r -> r.outcome() == Outcome.ECHO_MISMATCH && r.reason().startsWith("no zone line")),
          manifest.toString());
      assertTrue(Files.readString(out.resolve(RunJournal.DEAD_LETTERS)).contains("echo-mismatch: no zone line"));
      assertTrue(Files.readString(out.resolve("report.html")).contains("echo-mismatch"));

      List<Path> pages = kept(out);
      assertEquals(10, pages.size());
      Path first = pages.stream().filter(p -> p.getFileName().toString().equals("2024_fe_99_bpub_tous.html")).findFirst().orElseThrow();
      ManifestRow firstRow = manifest.get(0);
      byte[] served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(firstRow.url())).build(),
          HttpResponse.BodyHandlers.ofByteArray()).body();
      assertArrayEquals(served, Files.readAllBytes(first), "the answer's bytes, as received");
    }
  }

  @Test
  void the_evidence_is_bounded_and_zero_turns_the_stop_off(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().echoRename(EchoRename.GROUPING).build())) {
      Cli.Result result = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--plan", "strategic", "--years", "2024",
          "--set", "verify.stop-after-unverified=0", "--set", "diagnosis.max-pages=3");

      assertEquals(0, result.exitCode(), result.err());
      assertEquals(21, replica.requestLog().submitEntries().size());
      assertEquals(3, kept(out).size());
      List<ManifestRow> manifest = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertTrue(manifest.stream().filter(r -> r.outcome() != Outcome.REFUSED)
          .allMatch(r -> r.outcome() == Outcome.ECHO_MISMATCH && r.reason().startsWith("no grouping line")), manifest.toString());
    }
  }

  @Test
  void one_verified_page_among_the_first_ten_lets_the_run_go_on(@TempDir Path dir) {
    Path out = dir.resolve("out");
    // Every other answer ignores its grouping; the all-stays pages verify.
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("ignore-grouping:every=1").build())) {
      // Every table asked (no zone table derived): the count is of the site's answers.
      Cli.Result result = Cli.runWithoutDatabase(replica.baseUri().toString(), out, "--plan", "strategic", "--years", "2024",
          "--set", "skip.after-in-a-row=0", "--derive", "off");

      assertEquals(0, result.exitCode(), result.err());
      assertEquals(21, replica.requestLog().submitEntries().size());
    }
  }
}
