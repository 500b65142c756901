package io.github.scansante.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.scansante.output.CsvTable;
import io.github.scansante.page.ExpectedEcho;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.replica.BenchPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What handling one results page costs, against the floor of any DOM approach.
 *
 * <ul>
 *   <li>{@link #jsoupParse}: (a) bare {@code Jsoup.parse} of the already decoded page;
 *   <li>{@link #pipeline}: (b) what the pipeline does with a page once fetched: strict decode and
 *       parse ({@link PageParser#parse(byte[], java.nio.charset.Charset)}), {@link
 *       PageClassifier#classify}, then header and establishment rows through commons-csv {@code
 *       CSVFormat.DEFAULT} (what the route's camel-csv marshal uses) into a byte buffer, after the
 *       BOM the route writes;
 *   <li>{@link #paired}: (a) then (b) in every invocation, each timed apart, so that both see the
 *       same machine: on a shared machine another process that runs while (a) is measured and not
 *       while (b) is skews the ratio of two separate benchmarks, not this one;
 *   <li>{@link #decodeOnly}, {@link #parseOnly}, {@link #csvOnly}: parts of (b), to see where its
 *       time goes ({@code parseOnly} includes {@code decodeOnly}; (a) starts from a decoded page);
 *   <li>{@link #csvCamel}: the CSV as the route really makes it, camel-csv's marshal in a started
 *       CamelContext, which asks Camel's type converter about every row: compare with {@code
 *       csvOnly}, which calls commons-csv directly as (b) does.
 * </ul>
 *
 * <p>Pages ({@code page} parameter): {@code real-2024} is the captured page
 * ../shared/fixtures/scansante/2024_fe_99_bpub_tous.html, read relative to the working directory
 * (the project root); {@code replica} the largest page the replica serves; {@code replica-x2} a
 * replica page with both bases, about twice as large, to see how costs scale.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PageBenchmark {

  public static final Path REAL_PAGE = Path.of("../shared/fixtures/scansante/2024_fe_99_bpub_tous.html");

  @Param({"real-2024", "replica", "replica-x2"})
  public String page;

  private final PageParser parser = new PageParser();
  private final PageClassifier classifier =
      new PageClassifier("Année", "Zone géographique", "Catégorie d'établissement", "Choix de regroupement");
  private final CsvTable csvTable = new CsvTable();

  private byte[] body;
  private String html;
  private ExpectedEcho expected;
  private ResultPage parsed;
  private int csvBytes;

  @Setup(Level.Trial)
  public void load() throws IOException {
    BenchPages.BenchPage p = switch (page) {
      case "real-2024" -> realPage();
      case "replica" -> new BenchPages().largest();
      case "replica-x2" -> {
        BenchPages pages = new BenchPages();
        yield pages.combined(pages.largest().expected().year());
      }
      default -> throw new IllegalArgumentException("unknown page " + page);
    };
    body = p.body();
    html = new String(body, UTF_8);
    expected = p.expected();
    // The benchmark is only meaningful on a page the pipeline would write: check it once.
    parsed = parser.parse(body, UTF_8);
    Verdict verdict = classifier.classify(parsed, expected);
    if (verdict.outcome() != Outcome.DATA) {
      throw new IllegalStateException(page + " is not a DATA page: " + verdict);
    }
    csvBytes = writeCsv(parsed).size();
    System.out.printf("%n[page %s] %s: %,d bytes, %d establishments, %d columns, CSV %,d bytes%n",
        page, p.description(), body.length, parsed.establishments().size(), parsed.columns().size(), csvBytes);
  }

  private static BenchPages.BenchPage realPage() throws IOException {
    if (!Files.isRegularFile(REAL_PAGE)) {
      throw new IllegalStateException("real page absent: " + REAL_PAGE.toAbsolutePath().normalize()
          + " (the shared fixtures live beside the project; run from the project root)");
    }
    return new BenchPages.BenchPage("captured " + REAL_PAGE.getFileName(), Files.readAllBytes(REAL_PAGE),
        new ExpectedEcho("2024", "France Entière", "Publics et PSPH", ExpectedEcho.ALL_STAYS));
  }

  /** (a) The floor: any DOM approach parses the whole page at least once. */
  @Benchmark
  public Document jsoupParse() {
    return Jsoup.parse(html);
  }

  /** (b) Decode, parse, classify and write the CSV, as the pipeline does for each page. */
  @Benchmark
  public ByteArrayOutputStream pipeline() throws IOException {
    ResultPage result = parser.parse(body, UTF_8);
    Verdict verdict = classifier.classify(result, expected);
    if (verdict.outcome() != Outcome.DATA) {
      throw new IllegalStateException(verdict.toString());
    }
    return writeCsv(result);
  }

  /** Nanoseconds spent in (a) and in (b) by {@link #paired}, per iteration (JMH reports the sums). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Split {
    public long jsoupNanos;
    public long pipelineNanos;

    @Setup(Level.Iteration)
    public void reset() {
      jsoupNanos = 0;
      pipelineNanos = 0;
    }
  }

  /** (a) and (b) interleaved; the ratio is pipelineNanos / jsoupNanos (BenchMain prints it). */
  @Benchmark
  public void paired(Split split, Blackhole bh) throws IOException {
    long t0 = System.nanoTime();
    bh.consume(jsoupParse());
    long t1 = System.nanoTime();
    bh.consume(pipeline());
    long t2 = System.nanoTime();
    split.jsoupNanos += t1 - t0;
    split.pipelineNanos += t2 - t1;
  }

  /** The strict UTF-8 decode that (b) starts with and (a) is spared, as PageParser does it. */
  @Benchmark
  public String decodeOnly() throws CharacterCodingException {
    return UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(body))
        .toString();
  }

  /** The parsing half of (b): strict decode and {@link PageParser}. */
  @Benchmark
  public ResultPage parseOnly() {
    return parser.parse(body, UTF_8);
  }

  /** The CSV half of (b), from a page parsed once in setup. */
  @Benchmark
  public ByteArrayOutputStream csvOnly() throws IOException {
    return writeCsv(parsed);
  }

  /** A started CamelContext and the route's CSV data format (csv: {} is CSVFormat.DEFAULT). */
  @State(Scope.Benchmark)
  public static class CamelCsv {
    CamelContext camel;
    CsvDataFormat csv;

    @Setup(Level.Trial)
    public void start(PageBenchmark bench) throws Exception {
      camel = new DefaultCamelContext();
      camel.start();
      csv = new CsvDataFormat();
      csv.start();
      // Both CSV benchmarks must write the same bytes, or comparing them means nothing.
      if (!Arrays.equals(bench.csvCamel(this).toByteArray(), bench.writeCsv(bench.parsed).toByteArray())) {
        throw new IllegalStateException("camel-csv and commons-csv wrote different bytes for " + bench.page);
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      csv.stop();
      camel.stop();
    }
  }

  /** The CSV step of the route: camel-csv marshal of header + establishment rows, with the BOM. */
  @Benchmark
  public ByteArrayOutputStream csvCamel(CamelCsv camelCsv) throws Exception {
    Exchange exchange = new DefaultExchange(camelCsv.camel);
    ByteArrayOutputStream out = new ByteArrayOutputStream(csvBytes);
    out.write(BOM);
    camelCsv.csv.marshal(exchange, csvTable.rows(parsed), out);
    return out;
  }

  private static final byte[] BOM = "\uFEFF".getBytes(UTF_8);

  private ByteArrayOutputStream writeCsv(ResultPage result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(csvBytes > 0 ? csvBytes : 8192);
    Writer writer = new OutputStreamWriter(out, UTF_8);
    writer.write('\uFEFF');
    try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
      printer.printRecord(result.columns());
      for (List<String> row : result.establishments()) {
        printer.printRecord(row);
      }
    }
    return out;
  }
}
