package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Writes and reads files of manifest rows ({@code run-manifest.csv}, the verified-files index): whole, atomically. */
public final class ManifestWriter {

  private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
      .setHeader(ManifestRow.HEADER.toArray(String[]::new)).get();
  private static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private ManifestWriter() {}

  static void write(OwnFiles files, Path target, List<ManifestRow> rows) throws IOException {
    files.replace(target, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(writer, WRITE);
      for (ManifestRow row : rows) {
        printer.printRecord(row.cells());
      }
      printer.flush();
    });
  }

  /** Every row; none when the file is absent. A file of other columns is refused: it is not ours to guess. */
  public static List<ManifestRow> read(Path file) {
    List<ManifestRow> rows = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = READ.parse(reader)) {
      if (!parser.getHeaderNames().equals(ManifestRow.HEADER)) {
        throw new IllegalStateException(file + " has columns " + parser.getHeaderNames() + ", expected " + ManifestRow.HEADER);
      }
      for (CSVRecord record : parser) {
        rows.add(ManifestRow.fromCells(record.toList()));
      }
      return rows;
    } catch (NoSuchFileException e) {
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
