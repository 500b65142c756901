package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.site.ResponseReader;
import io.github.scansante.site.SiteRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the evidence: an answer rejected for any reason but the site's own refusal is saved as
 * the bytes received, named after its combination, under {@code .scansante/diagnosis/<run id>/},
 * up to a bound per run. These are the pages a user sends when the real site changes.
 */
public final class DiagnosisFolder {

  private static final Logger LOG = LoggerFactory.getLogger(DiagnosisFolder.class);
  public static final String DIR = "diagnosis";
  /** Answers worth keeping; a refusal or an empty table is the site speaking plainly. */
  private static final Set<Outcome> REJECTED = EnumSet.of(Outcome.ECHO_MISMATCH, Outcome.GROUPING_NOT_APPLIED, Outcome.MALFORMED);

  private final RunJournal journal;
  private final int maxPages;
  private String runId = "";
  private int kept;

  /** @param maxPages pages kept per run at most (0 keeps none) */
  public DiagnosisFolder(RunJournal journal, int maxPages) {
    this.journal = journal;
    this.maxPages = maxPages;
  }

  /** The folder of the current run's evidence. */
  public synchronized Path folder() {
    RunInfo run = journal.current();
    return journal.outputDir().resolve(RunJournal.STATE_DIR).resolve(DIR).resolve(run == null ? "no-run" : fileSafe(run.id()));
  }

  /** Dead-letter step: saves the answer if it was rejected and the bound allows. Never fails the combination. */
  public synchronized void keep(Exchange exchange) {
    Verdict verdict = exchange.getProperty(Verdicts.VERDICT, Verdict.class);
    byte[] body = exchange.getProperty(ResponseReader.RAW_BODY, byte[].class);
    if (verdict == null || body == null || !REJECTED.contains(verdict.outcome())) {
      return;
    }
    Path folder = folder();
    try {
      countKept(folder);
      if (kept >= maxPages) {
        return;
      }
      Files.createDirectories(folder);
      Combination c = exchange.getProperty(SiteRequests.COMBINATION, Combination.class);
      Path target = folder.resolve(fileName(c));
      Path part = target.resolveSibling(target.getFileName() + RunJournal.PART_SUFFIX);
      Files.write(part, body);
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      kept++;
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot keep the rejected answer under {}: {}", folder, e.toString());
    }
  }

  /** Pages kept so far in this run; a resumed run counts what its first part kept. */
  private void countKept(Path folder) throws IOException {
    String id = folder.getFileName().toString();
    if (id.equals(runId)) {
      return;
    }
    runId = id;
    kept = 0;
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        kept = (int) files.filter(p -> p.getFileName().toString().endsWith(".html")).count();
      }
    }
  }

  /** E.g. {@code 2024_fe_99_bpub_rgpGHM_A50_M.html}; codes from a plan file cannot leave the folder. */
  static String fileName(Combination c) {
    return fileSafe(c.key().replace('|', '_').replaceAll("_+$", "")) + ".html";
  }

  private static String fileSafe(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
