package io.github.scansante.site;

import io.github.scansante.flow.CombinationWork;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch route's bookkeeping of the run's circuit: before a request (give up, or wait while the
 * site looks down), after an answer, and after a failure, which it counts and then lets go on to
 * the caller's error handler unchanged. It also counts the circuit's openings over all runs of the
 * process, since each run has its own circuit.
 */
public final class CircuitBreaker {

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  private final AtomicLong openings = new AtomicLong();

  public void beforeRequest(Exchange exchange) throws InterruptedException {
    SiteSession session = SiteSession.of(exchange);
    session.checkRunning();
    try {
      session.circuit().beforeRequest();
    } catch (SiteUnreachableException e) {
      session.giveUp(e);
    }
    session.checkRunning();
  }

  public void answered(Exchange exchange) {
    SiteSession.of(exchange).circuit().recordSuccess();
  }

  /** In the fetch route's catch: records the failed attempt, then fails the exchange with it again. */
  public void failed(Exchange exchange) {
    Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    SiteSession session = SiteSession.of(exchange);
    String cause = RetryPolicy.describe(failure);
    if (session.circuit().recordFailure(cause, RetryPolicy.isAnswer(failure), RetryPolicy.isTransient(failure))) {
      openings.incrementAndGet();
    }
    CombinationWork work = CombinationWork.of(exchange);
    int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) + 1;
    if (work != null) {
      work.attemptFailed();
    }
    LOG.warn("{}: attempt {} failed ({})", work == null ? "landing page" : work.combination(), attempt, cause);
    try {
      session.circuit().checkGiveUp();
    } catch (SiteUnreachableException e) {
      session.giveUp(e);
    }
    try {
      // A request that failed as the run ends is no verdict on the combination: the next run asks again.
      session.checkRunning();
      exchange.setException(failure);
    } catch (RuntimeException stopping) {
      exchange.setException(stopping);
    }
  }

  /** Times a run's circuit opened since the process started. */
  public long openings() {
    return openings.get();
  }
}
