package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.site.SiteRequests;
import org.apache.camel.Exchange;

/**
 * Stops a run that cannot verify anything: when the first answers carrying a data table all fail
 * their echo check, the site has changed its wording or markup and every further request would
 * be spent for nothing. One verified page and the run goes on to the end.
 */
public final class VerificationWatch {

  private final int stopAfter;
  private final DiagnosisFolder diagnosis;
  private boolean verified;
  private int unverified;
  private String firstFailure = "";
  private String stopMessage;

  /** @param stopAfter unverified answers, none verified, after which the run stops (0 = never) */
  public VerificationWatch(int stopAfter, DiagnosisFolder diagnosis) {
    this.stopAfter = stopAfter;
    this.diagnosis = diagnosis;
  }

  /** Run-pass step, before the first combination. */
  public synchronized void reset() {
    verified = false;
    unverified = 0;
    firstFailure = "";
    stopMessage = null;
  }

  /** Step after the echo check: counts the answers whose table was or was not verified. */
  public synchronized void observe(Exchange exchange) {
    Verdict verdict = exchange.getProperty(Verdicts.VERDICT, Verdict.class);
    ResultPage page = exchange.getProperty(PageVerifier.PAGE, ResultPage.class);
    if (verified || verdict == null || page == null || !page.hasDataTable() || page.isEmptyTable()) {
      return;
    }
    if (verdict.outcome() == Outcome.DATA) {
      verified = true;
      return;
    }
    if (verdict.outcome() != Outcome.ECHO_MISMATCH && verdict.outcome() != Outcome.GROUPING_NOT_APPLIED) {
      return;
    }
    if (unverified++ == 0) {
      firstFailure = exchange.getProperty(SiteRequests.COMBINATION, Combination.class) + ": " + verdict.reason();
    }
    if (stopAfter > 0 && unverified >= stopAfter && stopMessage == null) {
      stopMessage = "stopped after " + unverified + " answered pages with a data table, none of which could be verified."
          + " First: " + firstFailure + ". The pages are kept in " + diagnosis.folder().toAbsolutePath()
          + "; if the site changed its wording, see the page.echo.* keys of application.properties.";
    }
  }

  /** Filter predicate: no more requests once the run has given up. */
  public synchronized boolean isStopped() {
    return stopMessage != null;
  }

  /** Last step of the pass, once the manifest and the report are written: ends the run with its reason. */
  public synchronized void failIfStopped() {
    if (stopMessage != null) {
      throw new NothingVerifiableException(stopMessage);
    }
  }
}
