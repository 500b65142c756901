package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.ScansanteCli;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk full at the start, then one that fills up mid-run: data files that cannot be written fail their combination; a journal
 * that cannot be written pauses the run (exit 74) with nothing lost; the next run resumes. The output
 * is a small tmpfs mounted in a private mount namespace ({@code unshare -rm}), so no root is needed.
 */
class FullDiskTest {

  private static final String SCRIPT = """
      set -u
      mount -t tmpfs -o size=64m tmpfs "$OUT" || exit 90
      run() { "$JAVA" -cp "$CP" "$MAIN" run --site "$SITE" --output "$OUT" --delay 200ms --plan france --years 2024 \\
        --set camel.main.jmx-enabled=false >> "$REPORT/log.txt" 2>> "$REPORT/err.txt"; }
      # A disk full from the start: the run cannot begin, and leaves no empty state file behind.
      cat /dev/zero > "$OUT/filler" 2>/dev/null
      run; echo "$?" > "$REPORT/zeroth"
      find "$OUT/.scansante" -empty -name 'run.properties' > "$REPORT/empty-state" 2>/dev/null
      rm -f "$OUT/filler"
      # Once a few combinations are journalled, someone else's file takes every byte left.
      ( while [ "$(wc -l < "$OUT/.scansante/journal.csv" 2>/dev/null || echo 0)" -lt 6 ]; do sleep 0.05; done
        cat /dev/zero > "$OUT/filler" 2>/dev/null ) &
      run; echo "$?" > "$REPORT/first"
      wait
      rm -f "$OUT/filler"
      run; echo "$?" > "$REPORT/second"
      cp "$OUT/run-manifest.csv" "$OUT/runs.csv" "$REPORT/"
      find "$OUT" -name '*.scansante-part' > "$REPORT/temporary-files"
      for f in $(cut -d, -f12,13 "$OUT/run-manifest.csv" | tail -n +2 | grep -v '^,'); do
        file=${f%%,*}; sum=${f##*,}
        echo "$sum  $OUT/$file"
      done | sha256sum -c --quiet > "$REPORT/checksums" 2>&1; echo "$?" >> "$REPORT/checksums"
      """;

  @Test
  void a_full_disk_fails_writes_pauses_the_run_and_the_next_run_resumes(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(unshareWorks(dir), "unshare -rm with a tmpfs mount is not available on this machine");
    Path out = Files.createDirectories(dir.resolve("out"));
    Path report = Files.createDirectories(dir.resolve("report"));
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      ProcessBuilder pb = new ProcessBuilder("unshare", "-rm", "sh", "-c", SCRIPT).redirectErrorStream(true)
          .redirectOutput(dir.resolve("script.log").toFile());
      pb.environment().put("OUT", out.toString());
      pb.environment().put("REPORT", report.toString());
      pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
      pb.environment().put("CP", System.getProperty("java.class.path"));
      pb.environment().put("MAIN", ScansanteCli.class.getName());
      pb.environment().put("SITE", replica.baseUri().toString());
      Process script = pb.start();
      assertTrue(script.waitFor(5, TimeUnit.MINUTES), "the trial ended");
      String err = Files.readString(report.resolve("err.txt"));

      assertEquals("74", Files.readString(report.resolve("zeroth")).strip(), err);
      assertEquals("", Files.readString(report.resolve("empty-state")), "no empty run.properties");
      assertEquals("74", Files.readString(report.resolve("first")).strip(), err);
      List<String> paused = err.lines().filter(l -> l.contains("paused")).toList();
      assertEquals(2, paused.size(), err);
      for (String line : paused) {
        assertTrue(line.contains("No space left on device") && line.contains("run the same command again"), line);
      }
      String log = Files.readString(report.resolve("log.txt"));
      assertEquals("0", Files.readString(report.resolve("second")).strip(),
          err + "\n" + log.substring(Math.max(0, log.length() - 4000)));

      List<ManifestRow> manifest = ManifestWriter.read(report.resolve("run-manifest.csv"));
      assertEquals(33, manifest.size(), "no combination lost");
      assertEquals(33, manifest.stream().map(r -> r.combination().key()).distinct().count());
      assertTrue(manifest.stream().anyMatch(r -> r.outcome() == Outcome.FAILED && r.reason().contains("space")),
          "a data file the full disk refused failed its combination");
      assertTrue(manifest.stream().filter(r -> r.outcome() == Outcome.DATA).count() > 6);
      assertEquals("0", Files.readString(report.resolve("checksums")).strip(), "every data file has its recorded sha256");
      assertEquals("", Files.readString(report.resolve("temporary-files")), "no temporary file left");
      List<java.util.Map<String, String>> runs = RunHistory.read(report.resolve("runs.csv"));
      assertEquals(1, runs.size());
      assertEquals("complete", runs.get(0).get("status"));
    }
  }

  private static boolean unshareWorks(Path dir) {
    try {
      Path probe = Files.createDirectories(dir.resolve("probe"));
      Process p = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\"", probe.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
