package io.github.scansante.site;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a failed request is tried again and after how long: I/O errors, 5xx and 429 are
 * retried a bounded number of times with exponential back-off; a {@code Retry-After} header wins
 * over the back-off when longer, up to a cap. Used as the {@code retryWhile} of the error handler,
 * which reads the delay from the {@code CamelRedeliveryDelay} header set here.
 */
public final class RetryPolicy {

  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
  public static final String ATTEMPTS = "scansanteAttempts";
  private static final int TOO_MANY_REQUESTS = 429;
  private static final int FIRST_SERVER_ERROR = 500;

  private final int maxRetries;
  private final long initialDelayMs;
  private final double multiplier;
  private final long maxDelayMs;
  private final long retryAfterCapMs;
  private final SiteCircuit circuit;
  private final Clock clock;

  public RetryPolicy(int maxRetries, long initialDelayMs, double multiplier, long maxDelayMs, long retryAfterCapMs,
      SiteCircuit circuit, Clock clock) {
    this.maxRetries = maxRetries;
    this.initialDelayMs = initialDelayMs;
    this.multiplier = multiplier;
    this.maxDelayMs = maxDelayMs;
    this.retryAfterCapMs = retryAfterCapMs;
    this.circuit = circuit;
    this.clock = clock;
  }

  /** retryWhile predicate: records the failure, and when another attempt is due sets its delay. */
  public boolean shouldRetry(Exchange exchange) {
    // The error handler may already have moved the exception to EXCEPTION_CAUGHT.
    Throwable failure = exchange.getException() != null ? exchange.getException()
        : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    int failures = exchange.getProperty(ATTEMPTS, 0, Integer.class) + 1;
    exchange.setProperty(ATTEMPTS, failures);
    circuit.recordFailure();
    if (!isTransient(failure) || failures > maxRetries) {
      return false;
    }
    long delay = delayBeforeRetry(failures, failure);
    exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay);
    LOG.warn("Attempt {} of {} failed ({}); retrying in {} ms", failures, exchange.getProperty("combination"), describe(failure), delay);
    return true;
  }

  public static boolean isTransient(Throwable failure) {
    if (failure instanceof HttpOperationFailedException http) {
      return http.getStatusCode() >= FIRST_SERVER_ERROR || http.getStatusCode() == TOO_MANY_REQUESTS;
    }
    boolean io = false;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // A certificate the JVM does not trust will not become trusted by asking again.
      if (t instanceof CertificateException) {
        return false;
      }
      io |= t instanceof IOException;
    }
    return io;
  }

  /** Back-off for the n-th failure (1-based), or the server's Retry-After when longer, capped. */
  long delayBeforeRetry(int failures, Throwable failure) {
    long backoff = (long) Math.min(maxDelayMs, initialDelayMs * Math.pow(multiplier, failures - 1));
    long retryAfter = retryAfterMs(failure);
    return Math.max(backoff, Math.min(retryAfter, retryAfterCapMs));
  }

  private long retryAfterMs(Throwable failure) {
    if (!(failure instanceof HttpOperationFailedException http) || http.getResponseHeaders() == null) {
      return 0;
    }
    for (Map.Entry<String, String> h : http.getResponseHeaders().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Retry-After") && h.getValue() != null) {
        return parseRetryAfter(h.getValue().strip());
      }
    }
    return 0;
  }

  /** RFC 9110 10.2.3: delay-seconds or an HTTP-date; anything else is ignored. */
  long parseRetryAfter(String value) {
    try {
      return Math.max(0, Long.parseLong(value) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toMillis());
      } catch (DateTimeParseException notDate) {
        return 0;
      }
    }
  }

  public static String describe(Throwable failure) {
    if (failure instanceof HttpOperationFailedException http) {
      return "HTTP " + http.getStatusCode();
    }
    return failure == null ? "unknown" : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }
}
