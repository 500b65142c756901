package io.github.scansante.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How the CSV files are separated: {@code standard} (comma, decimal dot in the master) for code and
 * English-locale tools, or {@code excel-fr} (semicolon, decimal comma in the master) for French Excel,
 * which does not split comma-separated files. The per-combination files keep the site's display
 * ({@code 62,42}) in both.
 */
public enum CsvDialect {
  STANDARD("standard", ',', '.'),
  EXCEL_FR("excel-fr", ';', ',');

  private static final int BOM = '\uFEFF';
  /** Longer than any header line the pipeline writes. */
  private static final int HEADER_READ_AHEAD = 64 * 1024;

  private final String label;
  private final char delimiter;
  private final char decimalSeparator;

  CsvDialect(String label, char delimiter, char decimalSeparator) {
    this.label = label;
    this.delimiter = delimiter;
    this.decimalSeparator = decimalSeparator;
  }

  /** @throws IllegalArgumentException naming the accepted values */
  public static CsvDialect parse(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    for (CsvDialect d : values()) {
      if (d.label.equals(wanted)) {
        return d;
      }
    }
    throw new IllegalArgumentException("csv-dialect must be standard or excel-fr, not '" + name + "'");
  }

  public String label() {
    return label;
  }

  public char delimiter() {
    return delimiter;
  }

  public char decimalSeparator() {
    return decimalSeparator;
  }

  /** A number written with a dot, as this dialect writes it. */
  public String decimal(String dotted) {
    return decimalSeparator == '.' ? dotted : dotted.replace('.', decimalSeparator);
  }

  /**
   * Opens a CSV file the pipeline wrote, in either dialect, with its header: the folder may hold
   * files of both (a file kept {@code unchanged} stays as it was written). A leading BOM is skipped:
   * left in, it would glue itself to the first column's name.
   */
  public static CSVParser open(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      reader.mark(1);
      if (reader.read() != BOM) {
        reader.reset();
      }
      reader.mark(HEADER_READ_AHEAD);
      String header = reader.readLine();
      reader.reset();
      char delimiter = of(header == null ? "" : header).delimiter;
      return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get().parse(reader);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The dialect a file the pipeline wrote is in, read from its header line. */
  public static CsvDialect of(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      return of(header == null ? "" : header);
    }
  }

  /** The dialect whose delimiter the header line uses most (no column name holds either). */
  static CsvDialect of(String headerLine) {
    long semicolons = headerLine.chars().filter(c -> c == EXCEL_FR.delimiter).count();
    long commas = headerLine.chars().filter(c -> c == STANDARD.delimiter).count();
    return semicolons > commas ? EXCEL_FR : STANDARD;
  }
}
