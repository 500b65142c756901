package io.github.scansante.run;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.TotalCheck;
import io.github.scansante.page.Verdict;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Turns the end of a combination's journey, written or dead-lettered, into its journal row. */
public final class OutcomeRecorder {

  private static final Logger DEAD_LETTERS = LoggerFactory.getLogger("scansante.dead-letter");

  private final PageClassifier classifier;
  private final Clock clock;

  public OutcomeRecorder(PageClassifier classifier, Clock clock) {
    this.classifier = classifier;
    this.clock = clock;
  }

  /** After the data file was moved into place. */
  public void written(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    if (work.isDerived()) {
      // Its provenance is the national table's: when the site gave those rows, and how fresh they were.
      ManifestRow national = work.derivedFrom();
      Run.of(exchange).record(new ManifestRow(work.combination(), Outcome.DERIVED, work.verdict().reason(),
          work.page().establishments().size(), TotalCheck.check(work.page()), work.file(), work.sha256(), "", 0,
          national.fetchedAt(), national.siteUpdated(), national.frozen()));
      return;
    }
    record(exchange, Outcome.DATA, work.verdict().reason(), work.file(), work.sha256());
  }

  public void deadLetter(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    Verdict verdict = work.verdict();
    // Combinations refused before any request were already reported together when the run began.
    DEAD_LETTERS.atLevel(work.isRequested() ? Level.WARN : Level.DEBUG)
        .log("{} {}: {}", work.combination(), verdict.outcome().label(), verdict.reason());
    record(exchange, verdict.outcome(), verdict.reason(), "", "");
  }

  private void record(Exchange exchange, Outcome outcome, String reason, String file, String sha256) {
    CombinationWork work = CombinationWork.of(exchange);
    ResultPage page = work.page();
    int rows = outcome == Outcome.DATA ? page.establishments().size() : 0;
    int attempts = work.failedAttempts() + (outcome == Outcome.FAILED ? 0 : 1);
    boolean requested = work.isRequested();
    String totalCheck = outcome == Outcome.DATA ? TotalCheck.check(page) : "";
    Run.of(exchange).record(new ManifestRow(work.combination(), outcome, reason, rows, totalCheck, file, sha256, work.url(),
        requested ? attempts : 0, requested ? clock.instant().toString() : "", page == null ? "" : classifier.siteUpdateDate(page),
        page != null && classifier.frozenYear(page)));
  }
}
