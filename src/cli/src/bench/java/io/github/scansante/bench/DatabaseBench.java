package io.github.scansante.bench;

import io.github.scansante.cli.PipelineMain;
import io.github.scansante.database.DuckDbStore;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.report.MasterTable;
import io.github.scansante.run.RunHistory;
import io.github.scansante.run.RunJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.main.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Loading the analysts' databases from a large output folder (see BENCHMARKS.md): a synthetic
 * master of N combinations (about 11.5 establishments each, like the site's department tables),
 * its manifest and run history, then the real loads: DuckDB ({@link DuckDbStore}) and PostgreSQL
 * (the {@code load-postgres} route through camel-sql, against an embedded server). Each is timed
 * for a first load (everything new), a load with nothing changed, and one with a tenth of the
 * combinations fetched again. Heap is sampled throughout; the peak is printed with the live heap
 * after a GC and the process's peak RSS.
 *
 * <p>Usage: {@code DatabaseBench [COMBINATIONS...]}, default 2000 20000.
 */
public final class DatabaseBench {

  private static final int MEAN_ROWS = 23; // 1..22 establishments per combination: 11.5 on average
  private static final long SEED = 20250722;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private DatabaseBench() {}

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(2_000, 20_000);
    }
    HeapPeak peak = HeapPeak.start();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      for (int combinations : sizes) {
        Path out = Files.createTempDirectory("scansante-dbbench-");
        long rows = write(out, combinations, 0);
        System.out.printf(Locale.ROOT, "%n== %,d combinations, %,d rows (master %,d bytes)%n", combinations, rows,
            Files.size(out.resolve(MasterTable.FILE_NAME)));
        String db = "bench" + combinations;
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
          s.execute("CREATE DATABASE " + db);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + db + "?user=postgres";
        Main main = PipelineMain.create(Map.of("database.url", url, "output.dir", out.toString(), "camel.main.jmx-enabled", "false"));
        main.start();
        try {
          CamelContext camel = main.getCamelContext();
          for (String step : List.of("first load", "nothing changed", "a tenth fetched again")) {
            if (step.startsWith("a tenth")) {
              write(out, combinations, 10);
            }
            peak.reset();
            long t0 = System.nanoTime();
            long c0 = cpu();
            new DuckDbStore("1GB").load(out);
            long duck = System.nanoTime() - t0;
            long duckCpu = cpu() - c0;
            long duckPeak = peak.reset();
            t0 = System.nanoTime();
            c0 = cpu();
            Exchange done = camel.createProducerTemplate().send("direct:load-postgres", e -> e.setProperty("outputDir", out));
            long pg = System.nanoTime() - t0;
            long pgCpu = cpu() - c0;
            long pgPeak = peak.reset();
            Throwable failure = done.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            // CPU: this JVM's threads (DuckDB runs inside it); the PostgreSQL server's own CPU is not counted.
            System.out.printf(Locale.ROOT, "%-22s DuckDB %6.2f s (CPU %6.2f s, heap peak %4d MB)   PostgreSQL %6.2f s (client CPU %6.2f s, heap peak %4d MB)%s  [load %.1f]%n",
                step, duck / 1e9, duckCpu / 1e9, duckPeak >> 20, pg / 1e9, pgCpu / 1e9, pgPeak >> 20,
                failure == null ? "" : "  FAILED: " + failure, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          }
        } finally {
          main.stop();
        }
        System.gc();
        System.out.printf(Locale.ROOT, "live heap after GC %d MB, process peak RSS %s%n",
            MEMORY.getHeapMemoryUsage().getUsed() >> 20, peakRss());
      }
    }
    System.exit(0);
  }

  /**
   * Writes the master, the manifest and runs.csv of {@code combinations} department tables;
   * every {@code refetchEvery}-th combination (0 = none) gets a new fetch time.
   */
  private static long write(Path out, int combinations, int refetchEvery) throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    long rows = 0;
    try (Writer m = Files.newBufferedWriter(out.resolve(MasterTable.FILE_NAME), StandardCharsets.UTF_8);
        CSVPrinter master = new CSVPrinter(m, format);
        Writer f = Files.newBufferedWriter(out.resolve(RunJournal.MANIFEST), StandardCharsets.UTF_8);
        CSVPrinter manifest = new CSVPrinter(f, format)) {
      master.printRecord(MasterTable.HEADER);
      manifest.printRecord(ManifestRow.HEADER);
      for (int i = 0; i < combinations; i++) {
        String annee = Integer.toString(2015 + i % 10);
        String dept = String.format(Locale.ROOT, "%02d", 1 + (i / 10) % 100);
        String base = (i / 1000) % 2 == 0 ? "bpub" : "bpri";
        String gp = String.format(Locale.ROOT, "C%02d", 1 + i / 2000);
        String file = "02_Departements/" + dept + "/" + annee + "_gp_" + gp + "_" + base + ".csv";
        String fetched = refetchEvery > 0 && i % refetchEvery == 0 ? "2025-10-01T09:00:00.123456Z" : "2025-09-20T08:15:00.654321Z";
        int n = 1 + random.nextInt(MEAN_ROWS - 1);
        for (int e = 0; e < n; e++) {
          long stays = 11 + random.nextInt(40_000);
          boolean masked = random.nextInt(8) == 0;
          master.printRecord(annee, "de", dept, "DEPT " + dept, base, base.equals("bpub") ? "Publics et PSPH" : "Priv\u00e9s OQN",
              "GP", gp, gp + " - Groupe", String.format(Locale.ROOT, "%02d%07d", 1 + (i / 10) % 95, random.nextInt(10_000_000)),
              "CH", "CENTRE HOSPITALIER " + e, "M12", stays, stays / 2, masked ? "" : Long.toString(stays - stays / 2), "",
              "0." + (400 + random.nextInt(200)), "5" + random.nextInt(10) + "." + random.nextInt(100), "4." + random.nextInt(100),
              "0.0" + random.nextInt(40), masked ? "sejours_hp" : "", masked ? "1" : "", masked ? "10" : "", file, fetched, "2025-07-22");
        }
        rows += n;
        manifest.printRecord(annee, "de", dept, base, "rgpGHM", "GP", gp, "data", n + " establishments", n, "ok", file,
            "0".repeat(64), "https://www.scansante.fr/applications/cartographie-activite-MCO/submit?annee=" + annee, 1, fetched,
            "2025-07-22", "true");
      }
    }
    List<String> header = RunHistory.header();
    List<String> run = new ArrayList<>(List.of("20250920T081500Z-cli", "cli", "departments", "2025-09-20T08:15:00Z",
        "2025-09-20T20:15:00Z", "43200", Integer.toString(combinations)));
    while (run.size() < header.size()) {
      run.add("0");
    }
    Files.writeString(out.resolve(RunJournal.RUNS), String.join(",", header) + "\n" + String.join(",", run) + "\n");
    return rows;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String peakRss() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring("VmHWM: ".length())).findFirst().orElse("?");
    } catch (IOException e) {
      return "?";
    }
  }

  /** The highest heap use seen by a sampling thread since the last reset. */
  private static final class HeapPeak {
    private final AtomicLong peak = new AtomicLong();

    static HeapPeak start() {
      HeapPeak p = new HeapPeak();
      Thread t = new Thread(() -> {
        while (true) {
          p.peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-peak");
      t.setDaemon(true);
      t.start();
      return p;
    }

    long reset() {
      return peak.getAndSet(0);
    }
  }
}
