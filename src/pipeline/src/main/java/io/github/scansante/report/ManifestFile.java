package io.github.scansante.report;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/** The {@code run-manifest.csv} of an output folder, as written at the end of each pass. */
final class ManifestFile {

  /** The outcomes whose table is on disk: written this run (asked or derived), or kept from an earlier one. */
  static final Set<Outcome> WRITTEN = EnumSet.of(Outcome.DATA, Outcome.UNCHANGED, Outcome.DERIVED);

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private ManifestFile() {}

  /** Every row, in manifest order; none when the folder has no manifest yet. */
  static List<ManifestRow> read(Path outputDir) {
    return ManifestWriter.read(outputDir.resolve(RunJournal.MANIFEST));
  }

  static boolean isWritten(ManifestRow row) {
    return WRITTEN.contains(row.outcome());
  }

  /**
   * The data file of a row whose table is on disk: written this run or kept from an earlier one.
   * A path leading outside the output folder is refused: the manifest is a file anyone can edit.
   */
  static Optional<Path> dataFile(Path outputDir, ManifestRow row) {
    if (!isWritten(row) || row.file().isEmpty()) {
      return Optional.empty();
    }
    Path root = outputDir.toAbsolutePath().normalize();
    Path file = root.resolve(row.file()).normalize();
    return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }
}
