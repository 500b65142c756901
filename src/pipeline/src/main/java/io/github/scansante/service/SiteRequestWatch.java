package io.github.scansante.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeRedeliveryEvent;
import org.apache.camel.spi.CamelEvent.ExchangeSentEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Watches every request the routes send to the site (any camel-http endpoint: the site is the only
 * one): counts them by status and retries, and remembers how the last one went, for the health check.
 */
public final class SiteRequestWatch extends EventNotifierSupport {

  /** Label of a request that got no complete answer: I/O error, time-out, reset, body over the cap. */
  static final String NO_ANSWER = "no-answer";
  private static final int FIRST_SERVER_ERROR = 500;
  private static final int TOO_MANY_REQUESTS = 429;

  /** How the last request went: its HTTP status, or none when the site did not answer. */
  public record Attempt(Instant at, Optional<Integer> status) {
    /** The site served the request: an HTTP status that is neither a server error nor "too many requests". */
    public boolean answered() {
      return status.isPresent() && status.get() < FIRST_SERVER_ERROR && status.get() != TOO_MANY_REQUESTS;
    }

    public String describe() {
      return status.map(s -> "HTTP " + s).orElse("no answer") + " at " + at;
    }
  }

  private final ServiceMeters meters;
  private final Clock clock;
  private volatile Attempt last;

  public SiteRequestWatch(ServiceMeters meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
    // Failed events stay on: Camel sends redelivery events only to notifiers that take them.
    setIgnoreCamelContextEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
    setIgnoreStepEvents(true);
    setIgnoreExchangeCreatedEvent(true);
    setIgnoreExchangeCompletedEvent(true);
    setIgnoreExchangeSendingEvents(true);
    setIgnoreCamelContextInitEvents(true);
    setIgnoreExchangeAsyncProcessingStartedEvents(true);
  }

  @Override
  public void notify(CamelEvent event) {
    if (event instanceof ExchangeSentEvent sent && sent.getEndpoint() instanceof HttpEndpoint) {
      Optional<Integer> status = status(sent.getExchange());
      last = new Attempt(clock.instant(), status);
      meters.requestAnswered(status.map(String::valueOf).orElse(NO_ANSWER));
    } else if (event instanceof ExchangeRedeliveryEvent) {
      meters.retried();
    }
  }

  private static Optional<Integer> status(Exchange exchange) {
    if (exchange.getException() instanceof HttpOperationFailedException failed) {
      return Optional.of(failed.getStatusCode());
    }
    if (exchange.getException() != null) {
      return Optional.empty();
    }
    return Optional.ofNullable(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
  }

  /** The last request to the site since start, if any. */
  public Optional<Attempt> lastAttempt() {
    return Optional.ofNullable(last);
  }
}
