package io.github.scansante.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Reads a per-combination data file: UTF-8 with a BOM for Excel, header = the site's column names. */
final class SiteCsv {

  private static final int BOM = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private SiteCsv() {}

  /** The BOM is skipped: left in, it would glue itself to the first column's name. */
  static CSVParser open(Path file) throws IOException {
    BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    try {
      reader.mark(1);
      if (reader.read() != BOM) {
        reader.reset();
      }
      return FORMAT.parse(reader);
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
