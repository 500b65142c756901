package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .scansante/verified-files.csv}: every data file of the folder that a run verified and
 * wrote, whichever run it was, with the manifest row that wrote it. The master table and the
 * databases are built from it, so a narrow run, or a combination that failed this time, never
 * drops an earlier file that is still on disk. Rewritten whole, atomically, when a pass is finished.
 */
public final class VerifiedFiles {

  public static final String FILE = "verified-files.csv";

  private VerifiedFiles() {}

  public static Path path(Path outputDir) {
    return outputDir.resolve(RunJournal.STATE_DIR).resolve(FILE);
  }

  /**
   * The verified files, by path, in the order they were first written. A folder from before this
   * index starts from its last manifest.
   */
  public static List<ManifestRow> read(Path outputDir) {
    Path index = path(outputDir);
    List<ManifestRow> rows = ManifestWriter.read(Files.exists(index) ? index : outputDir.resolve(RunJournal.MANIFEST));
    return rows.stream().filter(VerifiedFiles::wroteFile).toList();
  }

  /** Adds the files a run verified; a newer verification of a path replaces the older. */
  static void update(OwnFiles files, List<ManifestRow> runRows) throws IOException {
    Map<String, ManifestRow> byFile = new LinkedHashMap<>();
    for (ManifestRow row : read(files.outputDir())) {
      byFile.put(row.file(), row);
    }
    for (ManifestRow row : runRows) {
      if (wroteFile(row)) {
        byFile.put(row.file(), row);
      }
    }
    ManifestWriter.write(files, path(files.outputDir()), List.copyOf(byFile.values()));
  }

  /** A row whose verified file is on disk, named and checksummed: written now, or carried over unchanged. */
  public static boolean wroteFile(ManifestRow row) {
    return row.outcome().writesFile() && !row.file().isEmpty() && !row.sha256().isEmpty();
  }
}
