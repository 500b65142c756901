package io.github.scansante.site;

import io.github.scansante.page.TruncatedPageException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Tells a transient failure of a request (I/O errors, 5xx, 429: worth asking again) from a permanent
 * one, and turns the server's {@code Retry-After} into the delay of the next attempt, capped. How
 * many attempts and the back-off between them are the error handler's {@code redeliveryPolicy}.
 */
public final class RetryPolicy {

  private static final int TOO_MANY_REQUESTS = 429;
  private static final int FIRST_SERVER_ERROR = 500;

  private final long retryAfterCapMs;
  private final Clock clock;

  public RetryPolicy(long retryAfterCapMs, Clock clock) {
    this.retryAfterCapMs = retryAfterCapMs;
    this.clock = clock;
  }

  /** onWhen of the retried error clause. */
  public boolean isTransient(Exchange exchange) {
    return isTransient(failure(exchange));
  }

  /**
   * Fetch step on a failed request: a {@code Retry-After} header sets the delay before the next
   * attempt (the error handler reads {@code CamelRedeliveryDelay} before it waits).
   */
  public void honourRetryAfter(Exchange exchange) {
    long retryAfter = retryAfterMs(failure(exchange));
    if (retryAfter > 0) {
      exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(retryAfter, retryAfterCapMs));
    }
  }

  private static Throwable failure(Exchange exchange) {
    return exchange.getException() != null ? exchange.getException()
        : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
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

  /** True when the site sent a status line: it is up, whatever it said. */
  public static boolean isAnswer(Throwable failure) {
    // A page cut short came from a server that answered.
    return failure instanceof HttpOperationFailedException || failure instanceof TruncatedPageException;
  }

  long retryAfterMs(Throwable failure) {
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

  /** The failure in a few words a user can act on: "HTTP 503", "connection refused", "DNS: no such host"... */
  public static String describe(Throwable failure) {
    if (failure instanceof HttpOperationFailedException http) {
      return "HTTP " + http.getStatusCode();
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "DNS: no such host " + t.getMessage();
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "connection refused";
      }
      if (t instanceof SSLException || t instanceof CertificateException) {
        return "TLS: " + t.getMessage();
      }
      if (t instanceof ResponseDeadline.ResponseDeadlineExceeded) {
        return t.getMessage();
      }
      if (t instanceof InterruptedIOException) {
        return "timeout";
      }
    }
    return failure == null ? "unknown" : failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }
}
