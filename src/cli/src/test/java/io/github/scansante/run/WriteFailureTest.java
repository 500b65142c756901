package io.github.scansante.run;

import io.github.scansante.output.DataFiles;
import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.output.OutputLayout;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that cannot be written fails its combination only. The failure is made with a non-empty
 * directory where the CSV file should go, so that the final rename fails even for root (tests may
 * run as root, which read-only permissions do not stop).
 */
class WriteFailureTest {

  private static final String[] FIVE = {"--plan", "france", "--years", "2024", "--limit", "5"};
  /** The 3rd of the five: 2024, France, public, Chirurgie. */
  private static final Combination BLOCKED = new Combination("2024", "fe", "99", "bpub", "A50", "C");

  @Test
  void a_file_that_cannot_be_written_is_reported_and_the_run_goes_on(@TempDir Path out) throws Exception {
    Path blocked = out.resolve(OutputLayout.standard().relativePath(BLOCKED));
    Files.createDirectories(blocked);
    Files.writeString(blocked.resolve("keep.txt"), "not the pipeline's");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      Cli.Result first = Cli.run(replica.baseUri().toString(), out, FIVE);
      assertEquals(0, first.exitCode(), first.err());
      List<ManifestRow> rows = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertEquals(5, rows.size());
      ManifestRow failed = rows.get(2);
      assertEquals(BLOCKED, failed.combination());
      assertEquals(Outcome.FAILED, failed.outcome());
      assertTrue(failed.reason().startsWith("cannot write the file: "), failed.reason());
      assertTrue(failed.reason().contains(OutputLayout.standard().relativePath(BLOCKED)), failed.reason());
      assertEquals("", failed.file());
      assertEquals(List.of(BLOCKED.key() + " failed: " + failed.reason()), Files.readAllLines(out.resolve(RunJournal.DEAD_LETTERS)));
      assertEquals("not the pipeline's", Files.readString(blocked.resolve("keep.txt")), "what was in the way is untouched");
      Map<String, String> written = checksums(out, rows);
      assertEquals(4, written.size(), "the combinations before and after the failure are written");
      assertEquals(List.of(), partFiles(out), "no temporary file left behind");

      // The same obstacle in the next run: the files already there stay as they were.
      Cli.Result second = Cli.run(replica.baseUri().toString(), out, FIVE);
      assertEquals(0, second.exitCode(), second.err());
      List<ManifestRow> again = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertEquals(Outcome.FAILED, again.get(2).outcome());
      assertEquals(written, checksums(out, again));
      assertEquals(List.of(), partFiles(out));
    }
  }

  /** file → sha256 of the written rows, after checking each file on disk against its row. */
  private static Map<String, String> checksums(Path out, List<ManifestRow> rows) {
    Map<String, String> sums = new LinkedHashMap<>();
    for (ManifestRow row : rows) {
      if (row.outcome() == Outcome.DATA) {
        assertEquals(row.sha256(), DataFiles.sha256(out.resolve(row.file())), row.file());
        sums.put(row.file(), row.sha256());
      }
    }
    return sums;
  }

  private static List<Path> partFiles(Path out) throws IOException {
    try (Stream<Path> files = Files.walk(out)) {
      return files.filter(p -> p.getFileName().toString().endsWith(OwnFiles.TEMP_SUFFIX)).toList();
    }
  }
}
