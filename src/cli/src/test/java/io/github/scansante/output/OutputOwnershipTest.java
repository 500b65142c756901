package io.github.scansante.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run in a folder the user also keeps other things in: it removes none of them and writes through no link. */
class OutputOwnershipTest {

  private static final String[] FIVE = {"--plan", "france", "--years", "2024", "--limit", "5"};
  /** One of the five: its folder (the care activities of public hospitals) is made a link elsewhere. */
  private static final Combination LINKED = new Combination("2024", "fe", "99", "bpub", "A50", "C");

  @Test
  void a_run_leaves_the_users_files_alone_and_refuses_a_linked_subfolder(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path download = Files.createDirectories(out.resolve("Downloads")).resolve("ubuntu.iso.part");
    Path lookalike = out.resolve("Downloads/notes" + OwnFiles.TEMP_SUFFIX);
    Files.writeString(download, "half an iso");
    Files.writeString(lookalike, "not the pipeline's");
    Path linkedFolder = out.resolve(OutputLayout.standard().relativePath(LINKED)).getParent();
    Files.createDirectories(linkedFolder.getParent());
    Files.createSymbolicLink(linkedFolder, elsewhere);

    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      for (int run = 1; run <= 2; run++) {
        Cli.Result r = Cli.run(replica.baseUri().toString(), out, FIVE);
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("half an iso", Files.readString(download), "run " + run);
        assertEquals("not the pipeline's", Files.readString(lookalike), "run " + run);
      }
    }

    List<ManifestRow> rows = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
    assertEquals(5, rows.size());
    int refused = 0;
    for (ManifestRow row : rows) {
      Path file = out.resolve(OutputLayout.standard().relativePath(row.combination()));
      if (file.getParent().equals(linkedFolder)) {
        refused++;
        assertEquals(Outcome.FAILED, row.outcome(), row.combination().key());
        assertTrue(row.reason().startsWith("cannot write the file: refusing to write "), row.reason());
        assertTrue(row.reason().contains("symbolic link"), row.reason());
      } else {
        assertEquals(Outcome.DATA, row.outcome(), row.combination().key());
        assertTrue(Files.isRegularFile(file), file.toString());
      }
    }
    assertTrue(refused > 0 && refused < rows.size(), "some combinations go to the linked folder, some do not: " + refused);
    try (Stream<Path> through = Files.list(elsewhere)) {
      assertEquals(List.of(), through.toList(), "nothing written through the link");
    }
    try (Stream<Path> all = Files.walk(out)) {
      assertEquals(List.of(lookalike), all.filter(p -> p.toString().endsWith(OwnFiles.TEMP_SUFFIX)).toList(),
          "no temporary file of the pipeline left");
    }
  }
}
