package io.github.scansante.report;

import io.github.scansante.output.CsvDialect;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVParser;

/** Reads a per-combination data file: UTF-8 with a BOM for Excel, header = the site's column names. */
final class SiteCsv {

  private SiteCsv() {}

  /** Either dialect: a refresh may keep files written with the other one. */
  static CSVParser open(Path file) throws IOException {
    return CsvDialect.open(file);
  }
}
