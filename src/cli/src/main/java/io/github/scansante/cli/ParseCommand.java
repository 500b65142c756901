package io.github.scansante.cli;

import io.github.scansante.page.MalformedPageException;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.text.UserText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Print a saved results page's establishment rows as CSV on stdout. Exit 3, with the reason on stderr, when the page has no data table.")
class ParseCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PAGE.html", description = "A results page saved from the site.")
  Path page;

  @Override
  public Integer call() throws IOException {
    String name = UserText.clip(page.toString());
    if (!Files.exists(page)) {
      throw new UsageException("no such file: " + name + "; give the path of a results page saved from the site");
    }
    if (Files.isDirectory(page)) {
      throw new UsageException(name + " is a folder; give the path of a results page saved from the site");
    }
    if (!Files.isReadable(page)) {
      throw new UsageException("cannot read " + name + " (permission denied); check its permissions");
    }
    ResultPage result;
    try {
      result = new PageParser().parse(boundedRead(page, name), StandardCharsets.UTF_8);
    } catch (MalformedPageException e) {
      System.err.println("scansante: " + name + ": " + e.getMessage());
      return ExitCodes.NO_DATA_TABLE;
    } catch (IOException e) {
      throw new UsageException("cannot read " + name + ": " + UserMessages.cause(e) + "; check the file");
    }
    if (!result.hasDataTable()) {
      String why = result.notice().isBlank() ? "no data table" : result.notice();
      System.err.println("scansante: " + name + ": " + why);
      return ExitCodes.NO_DATA_TABLE;
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(result.columns());
      csv.printRecords(result.establishments());
    }
    return ExitCodes.OK;
  }

  /**
   * The file's bytes, read no further than the pipeline reads an answer (page.max-bytes): a file
   * that is larger, or never ends ({@code /dev/zero}), is refused instead of filling the memory; a
   * pipe ({@code <(curl ...)}) is read like a file.
   */
  private static byte[] boundedRead(Path file, String name) throws IOException {
    int maxBytes = RunOptions.settings(Map.of()).page().maxBytes();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // PageSettings caps maxBytes far below Integer.MAX_VALUE.
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      throw new UsageException(name + " is larger than " + maxBytes + " bytes (page.max-bytes): not a saved results page");
    }
    return bytes;
  }
}
