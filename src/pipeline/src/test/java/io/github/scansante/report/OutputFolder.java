package io.github.scansante.report;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.output.OutputLayout;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Builds an output folder the way a run leaves it: data files, then the manifest. */
final class OutputFolder {

  static final List<String> COLUMNS_12 = List.of("Catégorie", "Finess", "Raison Sociale", "Période",
      "Nombre de séjours séances total", "Nombre de séjours en hospit complète", "Nombre de séjours en hospit partielle",
      "Nombre de séances", "Sexe ratio (% homme)", "Age moyen", "Durée moyenne de séjour", "% décès");
  static final List<String> COLUMNS_11 = COLUMNS_12.stream().filter(c -> !c.equals("Nombre de séances")).toList();
  static final String FETCHED_AT = "2025-09-20T08:15:00Z";
  static final String SITE_UPDATED = "2025-07-22";

  /** Like the pipeline's Camel CSV marshal (commons-csv DEFAULT: CRLF) behind a BOM for Excel. */
  private static final CSVFormat DATA_FORMAT = CSVFormat.DEFAULT;
  private static final CSVFormat MANIFEST_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private final Path root;
  private final OutputLayout layout = OutputLayout.standard();
  private final List<ManifestRow> manifest = new ArrayList<>();

  OutputFolder(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /** Writes the combination's data file where the pipeline would, and its manifest row. */
  String data(Combination c, Outcome outcome, List<String> columns, List<List<String>> rows) throws IOException {
    String relative = file(c, columns, rows);
    manifest.add(row(c, outcome, "", rows.size(), relative));
    return relative;
  }

  /** Writes only the data file: what an earlier run may have left on disk. */
  String file(Combination c, List<String> columns, List<List<String>> rows) throws IOException {
    String relative = layout.relativePath(c);
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write('\uFEFF');
      try (CSVPrinter out = new CSVPrinter(w, DATA_FORMAT)) {
        out.printRecord(columns);
        for (List<String> row : rows) {
          out.printRecord(row);
        }
      }
    }
    return relative;
  }

  /** A combination that ended without a file of this run (refused, failed, ...). */
  void deadLetter(Combination c, Outcome outcome, String reason) {
    manifest.add(row(c, outcome, reason, 0, ""));
  }

  /** A manifest row that names a file, whatever its outcome says (e.g. a stale file on disk). */
  void manifestRow(Combination c, Outcome outcome, String file) {
    manifest.add(row(c, outcome, "", 0, file));
  }

  void writeManifest() throws IOException {
    try (Writer w = Files.newBufferedWriter(root.resolve(RunJournal.MANIFEST), StandardCharsets.UTF_8);
        CSVPrinter out = new CSVPrinter(w, MANIFEST_FORMAT)) {
      out.printRecord(ManifestRow.HEADER);
      for (ManifestRow row : manifest) {
        out.printRecord(row.cells());
      }
    }
  }

  private static ManifestRow row(Combination c, Outcome outcome, String reason, int rows, String file) {
    boolean requested = outcome != Outcome.UNCHANGED;
    return new ManifestRow(c, outcome, reason, rows, "", file, file.isEmpty() ? "" : "ab12", "https://site/submit?annee=" + c.annee(),
        requested ? 1 : 0, FETCHED_AT, SITE_UPDATED, !c.annee().equals("2024"));
  }
}
