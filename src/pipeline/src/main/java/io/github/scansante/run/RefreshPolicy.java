package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import io.github.scansante.site.SiteRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Incremental refresh: in {@code changed} mode a combination is not requested again when the last
 * completed run wrote it, the site marked its year as frozen, and the file on disk still has the
 * recorded checksum. The newest year, updated weekly, is always requested.
 */
public final class RefreshPolicy {

  public enum Mode { ALL, CHANGED }

  private final RunJournal journal;
  private volatile Mode mode = Mode.ALL;
  private volatile Map<String, ManifestRow> previous = Map.of();

  public RefreshPolicy(RunJournal journal) {
    this.journal = journal;
  }

  public static Mode parseMode(String text) {
    try {
      return Mode.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("refresh must be 'changed' or 'all', not '" + text + "'");
    }
  }

  /** Called when a run starts: remembers the last completed run's rows. */
  public void prepare(Mode mode) {
    this.mode = mode;
    this.previous = mode == Mode.CHANGED ? journal.lastManifest() : Map.of();
  }

  public boolean isUnchanged(Combination c) {
    ManifestRow last = previous.get(c.key());
    if (last == null || !last.frozen() || last.file().isEmpty()
        || (last.outcome() != Outcome.DATA && last.outcome() != Outcome.UNCHANGED)) {
      return false;
    }
    Path file = journal.outputDir().resolve(last.file());
    return Files.isRegularFile(file) && OutcomeRecorder.sha256(file).equals(last.sha256());
  }

  /** Records the previous verified file as this run's result, without a request. */
  public void carryOver(Exchange exchange) {
    Combination c = exchange.getProperty(SiteRequests.COMBINATION, Combination.class);
    ManifestRow last = previous.get(c.key());
    journal.record(new ManifestRow(c, Outcome.UNCHANGED, "frozen year, file verified (sha256 unchanged)", last.rows(),
        last.totalCheck(), last.file(), last.sha256(), last.url(), 0, last.fetchedAt(), last.siteUpdated(), true));
  }
}
