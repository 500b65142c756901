package io.github.scansante.run;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import org.apache.camel.Exchange;

/**
 * Stops a run that cannot verify anything: when the first answers carrying a data table all fail
 * their echo check, the site has changed its wording or markup and every further request would
 * be spent for nothing. One verified page and the run goes on to the end. What a run has seen is
 * its {@link Tally}, kept by the {@link Run}.
 */
public final class VerificationWatch {

  /** One run's count of answers with a data table, verified or not. */
  public static final class Tally {
    private boolean verified;
    private int unverified;
    private String firstFailure = "";
    private String stopMessage;

    /** The run gave up: none of its first answers could be verified, nothing more is asked. */
    public synchronized boolean isStopped() {
      return stopMessage != null;
    }
  }

  private final int stopAfter;
  private final DiagnosisFolder diagnosis;

  /** @param stopAfter unverified answers, none verified, after which the run stops (0 = never) */
  public VerificationWatch(int stopAfter, DiagnosisFolder diagnosis) {
    this.stopAfter = stopAfter;
    this.diagnosis = diagnosis;
  }

  /** Step after the echo check: counts the answers whose table was or was not verified. */
  public void observe(Exchange exchange) {
    Run run = Run.of(exchange);
    CombinationWork work = CombinationWork.of(exchange);
    Verdict verdict = work.verdict();
    ResultPage page = work.page();
    Tally tally = run.verification();
    synchronized (tally) {
      if (tally.verified || verdict == null || page == null || !page.hasDataTable() || page.isEmptyTable()) {
        return;
      }
      if (work.isVerified()) {
        tally.verified = true;
        return;
      }
      if (verdict.outcome() != Outcome.ECHO_MISMATCH && verdict.outcome() != Outcome.GROUPING_NOT_APPLIED) {
        return;
      }
      if (tally.unverified++ == 0) {
        tally.firstFailure = work.combination() + ": " + verdict.reason();
      }
      if (stopAfter > 0 && tally.unverified >= stopAfter && tally.stopMessage == null) {
        tally.stopMessage = "stopped after " + tally.unverified + " answered pages with a data table, none of which could be verified."
            + " First: " + tally.firstFailure + ". The pages are kept in " + diagnosis.folder(run).toAbsolutePath()
            + "; if the site changed its wording, see the page.echo.* keys of application.properties.";
      }
    }
  }

  /** Last step of the pass, once the manifest and the report are written: ends the run with its reason. */
  public void failIfStopped(Exchange exchange) {
    Tally tally = Run.of(exchange).verification();
    synchronized (tally) {
      if (tally.stopMessage != null) {
        throw new NothingVerifiableException(tally.stopMessage);
      }
    }
  }
}
