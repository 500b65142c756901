package io.github.scansante.report;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.output.CsvDialect;
import io.github.scansante.page.SiteColumn;
import io.github.scansante.plan.Combination;
import io.github.scansante.run.VerifiedFiles;
import io.github.scansante.state.OwnFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scansante_master.csv}: every establishment row of every table on disk, in one long typed
 * table for code (pandas, R, DuckDB): one row per establishment per combination, the combination's
 * codes and labels first, provenance last. Plain UTF-8 without BOM, comma, {@code \n}; the
 * per-combination files stay the Excel-flavoured copies. Column meanings: {@code
 * docs/data-dictionary.md}.
 *
 * <p>Rebuilt from {@code run-manifest.csv} (rows {@code data} and {@code unchanged} whose file
 * exists), streamed row by row, and renamed into place only when complete.
 */
public final class MasterTable {

  public static final String FILE_NAME = "scansante_master.csv";
  /** The catalogue field whose option {@code tous} labels the all-stays tables. */
  private static final String ALL_STAYS_LABEL_FIELD = "typrgp";
  private static final long NANOS_PER_MILLI = 1_000_000;
  private static final Logger LOG = LoggerFactory.getLogger(MasterTable.class);
  private static final List<String> COMBINATION_COLUMNS = List.of("annee", "niveau_geo", "code_zone", "zone", "base",
      "base_label", "regroupement", "code_regroupement", "regroupement_label");
  private static final List<String> PROVENANCE_COLUMNS = List.of("source_file", "fetched_at", "site_updated");
  /** Every column, in file order. */
  public static final List<String> HEADER = Stream.of(COMBINATION_COLUMNS, EstablishmentCells.header(), PROVENANCE_COLUMNS)
      .flatMap(List::stream).toList();

  private final Catalogue catalogue;
  private final CsvDialect dialect;
  private final CSVFormat format;

  /** @param catalogue where zone, base and grouping labels come from; comma and decimal dot */
  public MasterTable(Catalogue catalogue) {
    this(catalogue, CsvDialect.STANDARD);
  }

  /**
   * @param catalogue where zone, base and grouping labels come from
   * @param dialect comma and decimal dot, or semicolon and decimal comma with a BOM for French Excel
   */
  public MasterTable(Catalogue catalogue, CsvDialect dialect) {
    this.catalogue = catalogue;
    this.dialect = dialect;
    this.format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").setDelimiter(dialect.delimiter())
        .setHeader(HEADER.toArray(String[]::new)).get();
  }

  /**
   * Rewrites {@code scansante_master.csv} at the root of {@code outputDir}. On any failure the
   * previous master stays as it was.
   *
   * @throws IllegalStateException when a data file has an unknown column or a cell its column
   *     cannot hold
   */
  public void build(Path outputDir) {
    Path target = outputDir.resolve(FILE_NAME);
    long started = System.nanoTime();
    Counts counts = new Counts();
    try {
      new OwnFiles(outputDir).replace(target, stream -> {
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        if (dialect == CsvDialect.EXCEL_FR) {
          writer.write('\uFEFF'); // French Excel reads UTF-8 only after a BOM
        }
        CSVPrinter out = new CSVPrinter(writer, format);
        // Every verified file of the folder, whichever run wrote it.
        for (ManifestRow row : VerifiedFiles.read(outputDir)) {
          Optional<Path> file = ManifestFile.dataFile(outputDir, row);
          if (file.isPresent()) {
            copy(file.get(), row, out, counts);
          } else {
            LOG.warn("{} was verified but is no longer on disk: left out of the master", row.file());
          }
        }
        out.flush();
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + target, e);
    }
    LOG.info("{}: {} rows from {} files in {} ms{}", FILE_NAME, counts.rows, counts.files,
        (System.nanoTime() - started) / NANOS_PER_MILLI,
        counts.withoutFiness == 0 ? "" : " (" + counts.withoutFiness + " rows without FINESS left out)");
  }

  private void copy(Path file, ManifestRow row, CSVPrinter out, Counts counts) throws IOException {
    List<String> combination = combinationCells(row.combination());
    List<String> provenance = List.of(row.file(), row.fetchedAt(), row.siteUpdated());
    try (CSVParser in = SiteCsv.open(file)) {
      FileColumns columns = FileColumns.of(in.getHeaderNames(), row.file());
      for (CSVRecord record : in) {
        String where = row.file() + " line " + in.getCurrentLineNumber();
        if (record.size() != in.getHeaderNames().size()) {
          throw new IllegalStateException(where + ": " + record.size() + " cells, header has " + in.getHeaderNames().size());
        }
        // An establishment has a FINESS; the site's Total row does not, and is not an establishment.
        if (columns.cell(record, SiteColumn.FINESS).isBlank()) {
          counts.withoutFiness++;
          continue;
        }
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.addAll(combination);
        cells.addAll(EstablishmentCells.of(columns, record, where, dialect));
        cells.addAll(provenance);
        out.printRecord(cells);
        counts.rows++;
      }
    }
    counts.files++;
  }

  private List<String> combinationCells(Combination c) {
    Integer.parseInt(c.annee()); // the master promises an integer year: fail here, not in the analyst's reader
    String grouping = c.isAllStays() ? Combination.ALL_STAYS : c.groupingField();
    String groupingLabel = c.isAllStays() ? label(ALL_STAYS_LABEL_FIELD, Combination.ALL_STAYS) : label(c.groupingField(), c.groupingCode());
    return List.of(c.annee(), c.tgeo(), c.codegeo(), label(Catalogue.zoneField(c.tgeo()), c.codegeo()), c.base(),
        label(CoverageGrid.BASE_FIELD, c.base()), grouping, c.groupingCode(), groupingLabel);
  }

  private String label(String field, String code) {
    return catalogue.label(field, code).orElse("");
  }

  private static final class Counts {
    long files;
    long rows;
    long withoutFiness;
  }
}
