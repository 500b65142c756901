package io.github.scansante.run;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.TruncatedPageException;
import io.github.scansante.page.Verdict;
import io.github.scansante.site.RetryPolicy;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Names the outcome of a combination that cannot be written, with a precise reason. */
public final class Verdicts {

  private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);

  /** Filter predicate: the form in force does not offer one of the combination's codes. */
  public boolean isNotOffered(Exchange exchange) {
    return Run.of(exchange).catalogue().notOffered(CombinationWork.of(exchange).combination()).isPresent();
  }

  public void notOffered(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    String reason = Run.of(exchange).catalogue().notOffered(work.combination()).orElse("not offered by the form");
    work.failed(new Verdict(Outcome.REFUSED, reason + "; not requested"));
  }

  public void transportFailure(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    CombinationWork work = CombinationWork.of(exchange);
    int attempts = work.failedAttempts();
    String retried = RetryPolicy.isTransient(failure) ? " after " + attempts + (attempts == 1 ? " attempt" : " attempts") : " (not retried)";
    // Still cut on the last attempt: the site sends this page broken, and it is dead-lettered as such.
    if (failure instanceof TruncatedPageException cut) {
      work.failed(new Verdict(Outcome.MALFORMED, cut.getMessage() + retried));
      return;
    }
    work.failed(new Verdict(Outcome.FAILED, RetryPolicy.describe(failure) + retried));
  }

  public void malformed(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    CombinationWork.of(exchange).failed(new Verdict(Outcome.MALFORMED, failure == null ? "unreadable page" : failure.getMessage()));
  }

  public void unexpected(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    CombinationWork work = CombinationWork.of(exchange);
    LOG.error("Unexpected error on {}", work, failure);
    if (work != null) {
      work.failed(new Verdict(Outcome.FAILED, "unexpected error: " + failure));
    }
  }

  public void writeFailed(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    CombinationWork.of(exchange).failed(new Verdict(Outcome.FAILED,
        "cannot write the file: " + (failure == null ? "unknown error" : failure.getMessage())));
  }
}
