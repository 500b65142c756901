package io.github.scansante.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PageBenchmark} with JMH (any JMH command-line option works, e.g. {@code -wi 3 -i 5
 * -prof gc}), then prints, per page, the ratio of the full pipeline (b) to the bare jsoup parse (a)
 * from the same run, against the target of 1.25.
 *
 * <p>The ratio four ways, because the machine may be shared: of the JMH means (wall time, the
 * figure the target is about); of the medians of the measurement iterations, which a few
 * iterations slowed by another process move less; of process CPU time ({@link CpuTimeProfiler}),
 * which being descheduled does not inflate; and from {@link PageBenchmark#paired}, which times (a)
 * and (b) alternately within each invocation so that both see the same machine. By default runs
 * jsoupParse, pipeline and paired; name {@code PageBenchmark} to add the breakdown. Where the
 * captured real page is absent, says so and runs the replica pages only.
 */
public final class BenchMain {

  static final double TARGET = 1.25;
  private static final String A = "jsoupParse";
  private static final String B = "pipeline";

  private BenchMain() {}

  public static void main(String[] args) throws IOException, RunnerException, CommandLineOptionException {
    List<String> argList = Arrays.asList(args);
    if (argList.stream().anyMatch(a -> List.of("-h", "-l", "-lp", "-lprof", "-lrf").contains(a))) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    CommandLineOptions cli = new CommandLineOptions(args);
    ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
    if (cli.getIncludes().isEmpty()) {
      // The pair the target is about; name PageBenchmark to add the breakdown (decode, parse, CSV).
      options.include(PageBenchmark.class.getName() + "\\.(" + A + "|" + B + "|paired)$");
    }
    if (!cli.getParameter("page").hasValue() && !Files.isRegularFile(PageBenchmark.REAL_PAGE)) {
      System.out.println("NOTE: real page absent: " + PageBenchmark.REAL_PAGE.toAbsolutePath().normalize()
          + " (the shared fixtures live beside the project; run from the project root).");
      System.out.println("      Running the replica pages only.");
      options.param("page", "replica", "replica-x2");
    }
    // CPU time beside wall time: a ratio that another process on the machine does not skew.
    options.addProfiler(CpuTimeProfiler.class);
    String loadBefore = loadAverage();
    Collection<RunResult> results = new Runner(options.build()).run();
    report(results, loadBefore, loadAverage());
  }

  /** Scores by page, then by benchmark method. */
  static void report(Collection<RunResult> results, String loadBefore, String loadAfter) {
    Map<String, Map<String, RunResult>> byPage = new TreeMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
      String page = r.getParams().getParam("page");
      byPage.computeIfAbsent(page == null ? "-" : page, p -> new LinkedHashMap<>()).put(method, r);
    }
    System.out.println();
    System.out.println("== (b) pipeline / (a) jsoupParse, same run; target <= " + TARGET);
    System.out.printf(Locale.ROOT, "%-12s %16s %16s %14s %14s %s%n",
        "page", "(a) ms/op", "(b) ms/op", "ratio (means)", "ratio (medians)", "");
    for (Map.Entry<String, Map<String, RunResult>> e : byPage.entrySet()) {
      RunResult a = e.getValue().get(A);
      RunResult b = e.getValue().get(B);
      if (a == null || b == null) {
        continue;
      }
      double ma = a.getPrimaryResult().getScore();
      double mb = b.getPrimaryResult().getScore();
      double ea = a.getPrimaryResult().getScoreError();
      double eb = b.getPrimaryResult().getScoreError();
      double ratio = mb / ma;
      // First-order propagation of the two 99.9% half-widths: a rough range, not a statistic.
      double spread = ratio * Math.sqrt(sq(finite(ea) / ma) + sq(finite(eb) / mb));
      double medianRatio = median(iterationScores(b)) / median(iterationScores(a));
      System.out.printf(Locale.ROOT, "%-12s %8.3f ± %5.3f %8.3f ± %5.3f %7.3f ± %.2f %14.3f  %s%n",
          e.getKey(), ma, finite(ea), mb, finite(eb), ratio, spread, medianRatio,
          ratio <= TARGET ? "meets target" : "MISSES target");
    }
    System.out.println();
    System.out.println("== the same in process CPU time (CpuTimeProfiler: all threads of the fork, GC included)");
    System.out.printf(Locale.ROOT, "%-12s %16s %16s %14s%n", "page", "(a) cpu ms/op", "(b) cpu ms/op", "ratio");
    for (Map.Entry<String, Map<String, RunResult>> e : byPage.entrySet()) {
      double ca = cpu(e.getValue().get(A));
      double cb = cpu(e.getValue().get(B));
      if (Double.isFinite(ca) && Double.isFinite(cb)) {
        System.out.printf(Locale.ROOT, "%-12s %16.3f %16.3f %14.3f  %s%n", e.getKey(), ca, cb, cb / ca,
            cb / ca <= TARGET ? "meets target" : "MISSES target");
      }
    }
    if (byPage.values().stream().anyMatch(m -> m.containsKey("paired"))) {
      System.out.println();
      System.out.println("== paired: (a) and (b) timed apart inside each invocation, so both see the same machine");
      System.out.printf(Locale.ROOT, "%-12s %12s %12s %10s %24s%n", "page", "(a) ms/op", "(b) ms/op", "ratio",
          "iteration ratios min-max");
      for (Map.Entry<String, Map<String, RunResult>> e : byPage.entrySet()) {
        RunResult p = e.getValue().get("paired");
        if (p == null) {
          continue;
        }
        double ops = 0;
        double jsoup = 0;
        double pipeline = 0;
        List<Double> ratios = new ArrayList<>();
        for (BenchmarkResult fork : p.getBenchmarkResults()) {
          for (IterationResult it : fork.getIterationResults()) {
            double j = it.getSecondaryResults().get("jsoupNanos").getScore();
            double b = it.getSecondaryResults().get("pipelineNanos").getScore();
            ops += it.getMetadata().getAllOps();
            jsoup += j;
            pipeline += b;
            ratios.add(b / j);
          }
        }
        double ratio = pipeline / jsoup;
        System.out.printf(Locale.ROOT, "%-12s %12.3f %12.3f %10.3f %11.3f - %-11.3f %s%n", e.getKey(), jsoup / ops / 1e6,
            pipeline / ops / 1e6, ratio, ratios.stream().mapToDouble(d -> d).min().orElse(Double.NaN),
            ratios.stream().mapToDouble(d -> d).max().orElse(Double.NaN),
            ratio <= TARGET ? "meets target" : "MISSES target");
      }
    }
    Map<String, RunResult> any = byPage.values().stream().findFirst().orElse(Map.of());
    if (any.containsKey("parseOnly") || any.containsKey("csvOnly") || any.containsKey("decodeOnly")
        || any.containsKey("csvCamel")) {
      System.out.println();
      System.out.println("== where (b) goes, ms/op, wall then (cpu); parseOnly = decodeOnly + jsoup + reading the tables");
      System.out.printf(Locale.ROOT, "%-12s %10s %10s %10s %14s %10s %10s %10s%n",
          "page", A, "decodeOnly", "parseOnly", "reading tables", "csvOnly", B, "csvCamel");
      for (Map.Entry<String, Map<String, RunResult>> e : byPage.entrySet()) {
        Map<String, RunResult> m = e.getValue();
        System.out.printf(Locale.ROOT, "%-12s %10.3f %10.3f %10.3f %14.3f %10.3f %10.3f %10.3f%n", e.getKey(),
            score(m, A), score(m, "decodeOnly"), score(m, "parseOnly"),
            score(m, "parseOnly") - score(m, "decodeOnly") - score(m, A), score(m, "csvOnly"), score(m, B),
            score(m, "csvCamel"));
        System.out.printf(Locale.ROOT, "%-12s %10.3f %10.3f %10.3f %14.3f %10.3f %10.3f %10.3f%n", "  (cpu)",
            cpu(m.get(A)), cpu(m.get("decodeOnly")), cpu(m.get("parseOnly")),
            cpu(m.get("parseOnly")) - cpu(m.get("decodeOnly")) - cpu(m.get(A)), cpu(m.get("csvOnly")), cpu(m.get(B)),
            cpu(m.get("csvCamel")));
      }
      System.out.println("(reading tables = parseOnly - decodeOnly - jsoupParse: what PageParser adds to jsoup."
          + " csvOnly writes with commons-csv as (b) does; csvCamel is the route's camel-csv marshal of the same rows)");
    }
    System.out.println();
    System.out.println("load average before: " + loadBefore + "; after: " + loadAfter
        + " (on " + Runtime.getRuntime().availableProcessors() + " cores; a load well above 1 means another"
        + " process shared the CPU and the figures are less reliable)");
  }

  /** Mean process CPU ms/op of a run, NaN without the profiler. */
  static double cpu(RunResult r) {
    if (r == null || !r.getSecondaryResults().containsKey("cpu")) {
      return Double.NaN;
    }
    return r.getSecondaryResults().get("cpu").getScore();
  }

  private static double score(Map<String, RunResult> m, String method) {
    RunResult r = m.get(method);
    return r == null ? Double.NaN : r.getPrimaryResult().getScore();
  }

  static List<Double> iterationScores(RunResult r) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult fork : r.getBenchmarkResults()) {
      for (IterationResult it : fork.getIterationResults()) {
        scores.add(it.getPrimaryResult().getScore());
      }
    }
    return scores;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double sq(double x) {
    return x * x;
  }

  /** JMH gives NaN as the error of a single iteration. */
  private static double finite(double x) {
    return Double.isFinite(x) ? x : 0;
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
