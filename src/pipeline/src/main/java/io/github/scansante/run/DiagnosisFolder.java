package io.github.scansante.run;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The pages one run kept; kept by the {@link Run}. Unknown until its first rejected answer. */
  static final class Kept {
    private int count = -1;
  }

  private final int maxPages;

  /** @param maxPages pages kept per run at most (0 keeps none) */
  public DiagnosisFolder(int maxPages) {
    this.maxPages = maxPages;
  }

  /** The folder of a run's evidence. */
  public Path folder(Run run) {
    return run.definition().outputDir().resolve(RunJournal.STATE_DIR).resolve(DIR).resolve(fileSafe(run.id()));
  }

  /** Dead-letter step: saves the answer if it was rejected and the bound allows. Never fails the combination. */
  public void keep(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    Verdict verdict = work.verdict();
    byte[] body = work.responseBody();
    if (verdict == null || body == null || !REJECTED.contains(verdict.outcome())) {
      return;
    }
    Run run = Run.of(exchange);
    Path folder = folder(run);
    Kept kept = run.diagnosis();
    synchronized (kept) {
      try {
        if (kept.count < 0) {
          kept.count = alreadyKept(folder);
        }
        if (kept.count >= maxPages) {
          return;
        }
        new OwnFiles(run.definition().outputDir()).replace(folder.resolve(fileName(work.combination())), out -> out.write(body));
        kept.count++;
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot keep the rejected answer under {}: {}", folder, e.toString());
      }
    }
  }

  /** A resumed run counts what its first part kept. */
  private static int alreadyKept(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return (int) files.filter(p -> p.getFileName().toString().endsWith(".html")).count();
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
