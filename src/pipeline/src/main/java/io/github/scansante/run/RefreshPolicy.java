package io.github.scansante.run;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.output.DataFiles;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Incremental refresh: in {@code changed} mode a combination is not requested again when the last
 * completed run wrote it, the site marked its year as frozen, and the file on disk still has the
 * recorded checksum. The newest year, updated weekly, is always requested. The baseline, the last
 * completed run's rows, is taken when a run begins and kept in its {@link Run}.
 */
public final class RefreshPolicy {

  public enum Mode { ALL, CHANGED }

  private final RunStore store;

  public RefreshPolicy(RunStore store) {
    this.store = store;
  }

  public static Mode parseMode(String text) {
    try {
      return Mode.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("refresh must be 'changed' or 'all', not '" + text + "'");
    }
  }

  /** The rows a run in this mode compares against: the last completed run's, or none. */
  public Map<String, ManifestRow> baseline(Mode mode) {
    return mode == Mode.CHANGED ? store.lastManifest() : Map.of();
  }

  public boolean isUnchanged(Exchange exchange) {
    Run run = Run.of(exchange);
    ManifestRow last = run.refreshBaseline().get(CombinationWork.of(exchange).combination().key());
    if (last == null || !last.frozen() || last.file().isEmpty()
        || (last.outcome() != Outcome.DATA && last.outcome() != Outcome.UNCHANGED)) {
      return false;
    }
    Path file = run.definition().outputDir().resolve(last.file());
    return Files.isRegularFile(file) && DataFiles.sha256(file).equals(last.sha256());
  }

  /** Records the previous verified file as this run's result, without a request. */
  public void carryOver(Exchange exchange) {
    Run run = Run.of(exchange);
    Combination c = CombinationWork.of(exchange).combination();
    ManifestRow last = run.refreshBaseline().get(c.key());
    run.record(new ManifestRow(c, Outcome.UNCHANGED, "frozen year, file verified (sha256 unchanged)", last.rows(),
        last.totalCheck(), last.file(), last.sha256(), last.url(), 0, last.fetchedAt(), last.siteUpdated(), true));
  }
}
