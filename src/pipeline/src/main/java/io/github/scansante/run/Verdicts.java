package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.site.RetryPolicy;
import io.github.scansante.site.SiteCatalogue;
import io.github.scansante.site.SiteRequests;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Names the outcome of a combination that cannot be written, with a precise reason. */
public final class Verdicts {

  private static final Logger LOG = LoggerFactory.getLogger(Verdicts.class);

  public static final String VERDICT = "verdict";

  private final SiteCatalogue catalogue;

  public Verdicts(SiteCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Filter predicate: the form does not offer one of the combination's codes. */
  public boolean isNotOffered(Combination c) {
    return catalogue.notOffered(c).isPresent();
  }

  public void notOffered(Exchange exchange) {
    Combination c = exchange.getProperty(SiteRequests.COMBINATION, Combination.class);
    set(exchange, Outcome.REFUSED, catalogue.notOffered(c).orElse("not offered by the form") + "; not requested");
  }

  public void transportFailure(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    int attempts = exchange.getProperty(RetryPolicy.ATTEMPTS, 0, Integer.class);
    String retried = RetryPolicy.isTransient(failure) ? " after " + attempts + (attempts == 1 ? " attempt" : " attempts") : " (not retried)";
    set(exchange, Outcome.FAILED, RetryPolicy.describe(failure) + retried);
  }

  public void malformed(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    set(exchange, Outcome.MALFORMED, failure == null ? "unreadable page" : failure.getMessage());
  }

  public void unexpected(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    LOG.error("Unexpected error on {}", exchange.getProperty(SiteRequests.COMBINATION), failure);
    set(exchange, Outcome.FAILED, "unexpected error: " + failure);
  }

  public void writeFailed(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    set(exchange, Outcome.FAILED, "cannot write the file: " + (failure == null ? "unknown error" : failure.getMessage()));
  }

  private static void set(Exchange exchange, Outcome outcome, String reason) {
    exchange.setProperty(VERDICT, new Verdict(outcome, reason));
  }
}
