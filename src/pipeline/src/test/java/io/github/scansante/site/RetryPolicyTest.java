package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private final SiteCircuit circuit = new SiteCircuit(0, 0, 0, ms -> {});
  private final RetryPolicy policy = new RetryPolicy(3, 1000, 2.0, 5000, 10_000, circuit, CLOCK);
  private final CamelContext camel = new DefaultCamelContext();

  private static HttpOperationFailedException http(int status, Map<String, String> headers) {
    return new HttpOperationFailedException("http://x", status, "status", null, headers, "");
  }

  private Exchange failedWith(Throwable failure) {
    Exchange exchange = new DefaultExchange(camel);
    exchange.setException(failure);
    return exchange;
  }

  @Test
  void transient_failures_are_retried_a_bounded_number_of_times_with_growing_delays() {
    Exchange exchange = failedWith(new SocketTimeoutException("Read timed out"));
    long[] delays = new long[3];
    for (int i = 0; i < 3; i++) {
      assertTrue(policy.shouldRetry(exchange), "retry " + (i + 1));
      delays[i] = exchange.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class);
    }
    assertFalse(policy.shouldRetry(exchange), "no fourth retry");
    assertEquals(4, exchange.getProperty(RetryPolicy.ATTEMPTS, Integer.class));
    assertEquals(1000, delays[0]);
    assertEquals(2000, delays[1]);
    assertEquals(4000, delays[2]);
  }

  @Test
  void server_errors_and_429_are_transient_other_statuses_are_not() {
    assertTrue(RetryPolicy.isTransient(http(503, Map.of())));
    assertTrue(RetryPolicy.isTransient(http(429, Map.of())));
    assertFalse(RetryPolicy.isTransient(http(404, Map.of())));
    assertFalse(RetryPolicy.isTransient(http(403, Map.of())));
    assertFalse(policy.shouldRetry(failedWith(http(404, Map.of()))));
  }

  @Test
  void retry_after_wins_over_a_shorter_backoff_and_is_capped() {
    assertEquals(3000, policy.delayBeforeRetry(1, http(503, Map.of("Retry-After", "3"))));
    assertEquals(10_000, policy.delayBeforeRetry(1, http(429, Map.of("retry-after", "3600"))), "capped");
    assertEquals(4000, policy.delayBeforeRetry(3, http(503, Map.of("Retry-After", "1"))), "backoff is longer");
  }

  @Test
  void retry_after_may_be_an_http_date() {
    assertEquals(7000, policy.parseRetryAfter("Sun, 29 Nov 2026 10:00:07 GMT"));
    assertEquals(0, policy.parseRetryAfter("soon"));
  }

  @Test
  void every_failed_attempt_counts_towards_the_circuit() {
    SiteCircuit counting = new SiteCircuit(2, 10, 10, ms -> {});
    RetryPolicy p = new RetryPolicy(3, 1, 2.0, 5, 5, counting, CLOCK);
    p.shouldRetry(failedWith(new SocketTimeoutException()));
    assertFalse(counting.isOpen());
    p.shouldRetry(failedWith(new SocketTimeoutException()));
    assertTrue(counting.isOpen());
  }
}
