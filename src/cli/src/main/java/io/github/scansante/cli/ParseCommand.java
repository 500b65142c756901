package io.github.scansante.cli;

import io.github.scansante.page.MalformedPageException;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Print a saved results page's establishment rows as CSV on stdout. Exit 3, with the reason on stderr, when the page has no data table.")
class ParseCommand implements Callable<Integer> {

  static final int NO_DATA_TABLE = 3;

  @Parameters(paramLabel = "PAGE.html", description = "A results page saved from the site.")
  Path page;

  @Override
  public Integer call() throws IOException {
    if (Files.isDirectory(page)) {
      throw new UsageException(page + " is a folder: give the path of a saved results page");
    }
    if (!Files.isReadable(page)) {
      throw new UsageException("cannot read " + page);
    }
    ResultPage result;
    try {
      result = new PageParser().parse(boundedRead(page), StandardCharsets.UTF_8);
    } catch (MalformedPageException e) {
      System.err.println("scansante: " + page + ": " + e.getMessage());
      return NO_DATA_TABLE;
    }
    if (!result.hasDataTable()) {
      String why = result.notice().isBlank() ? "no data table" : result.notice();
      System.err.println("scansante: " + page + ": " + why);
      return NO_DATA_TABLE;
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(result.columns());
      csv.printRecords(result.establishments());
    }
    return 0;
  }

  /**
   * The file's bytes, read no further than the pipeline reads an answer (page.max-bytes): a file
   * that is larger, or never ends ({@code /dev/zero}), is refused instead of filling the memory.
   */
  private static byte[] boundedRead(Path file) throws IOException {
    long maxBytes = Long.parseLong(Defaults.get("page.max-bytes"));
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    }
    if (bytes.length > maxBytes) {
      throw new UsageException(file + " is larger than " + maxBytes + " bytes (page.max-bytes): not a saved results page");
    }
    return bytes;
  }
}
