package io.github.scansante.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A user's output path is a path: never decoded as a URI, expanded as a placeholder or read as an expression. */
class HostileOutputPathTest {

  private static final String FILE = "01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2024_tous_sejours.csv";
  private static ReplicaServer replica;

  @BeforeAll
  static void startReplica() {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
  }

  @AfterAll
  static void stopReplica() {
    replica.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"z%2F..%2F..%2Fescaped", "p{{site.url}}", "q?fileName=x.csv", "d${date:now:yyyy}", "e${body}",
      "f,g)", "h#frag"})
  void everything_is_written_literally_under_the_given_folder(String name, @TempDir Path dir) throws IOException {
    Path out = dir.resolve("inner").resolve(name);
    Cli.Result r = Cli.run(replica.baseUri().toString(), out, "--plan", "france", "--years", "2024", "--limit", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.isRegularFile(out.resolve(FILE)), "data file under the literal folder " + out);
    assertEquals(1, ManifestWriter.read(out.resolve(RunJournal.MANIFEST)).size());
    try (Stream<Path> top = Files.list(dir); Stream<Path> inner = Files.list(dir.resolve("inner"))) {
      assertEquals(List.of(dir.resolve("inner")), top.toList(), "nothing beside the output's parent");
      assertEquals(List.of(out), inner.toList(), "nothing beside the output folder");
    }
    try (Stream<Path> files = Files.walk(out)) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(OwnFiles.TEMP_SUFFIX)).toList(), "no temporary file left");
    }
  }
}
