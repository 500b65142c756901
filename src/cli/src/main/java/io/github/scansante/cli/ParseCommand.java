package io.github.scansante.cli;

import io.github.scansante.page.MalformedPageException;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import java.io.IOException;
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
    if (!Files.isReadable(page)) {
      throw new UsageException("cannot read " + page);
    }
    ResultPage result;
    try {
      result = new PageParser().parse(Files.readAllBytes(page), StandardCharsets.UTF_8);
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
}
