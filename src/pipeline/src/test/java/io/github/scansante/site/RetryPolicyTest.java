package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  private final RetryPolicy policy = new RetryPolicy(10_000, CLOCK);
  private final CamelContext camel = new DefaultCamelContext();

  private static HttpOperationFailedException http(int status, Map<String, String> headers) {
    return new HttpOperationFailedException("http://x", status, "status", null, headers, "");
  }

  private Exchange failedWith(Throwable failure) {
    Exchange exchange = new DefaultExchange(camel);
    exchange.setProperty(Exchange.EXCEPTION_CAUGHT, failure);
    return exchange;
  }

  @Test
  void server_errors_429_and_io_errors_are_transient_other_statuses_are_not() {
    assertTrue(RetryPolicy.isTransient(http(503, Map.of())));
    assertTrue(RetryPolicy.isTransient(http(429, Map.of())));
    assertTrue(RetryPolicy.isTransient(new SocketTimeoutException("Read timed out")));
    assertFalse(RetryPolicy.isTransient(http(404, Map.of())));
    assertFalse(RetryPolicy.isTransient(http(403, Map.of())));
    assertFalse(policy.isTransient(failedWith(http(404, Map.of()))));
    assertTrue(policy.isTransient(failedWith(http(502, Map.of()))));
  }

  @Test
  void retry_after_sets_the_next_delay_capped() {
    Exchange asked = failedWith(http(503, Map.of("Retry-After", "3")));
    policy.honourRetryAfter(asked);
    assertEquals(3000L, asked.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class));
    Exchange tooLong = failedWith(http(429, Map.of("retry-after", "3600")));
    policy.honourRetryAfter(tooLong);
    assertEquals(10_000L, tooLong.getIn().getHeader(Exchange.REDELIVERY_DELAY, Long.class), "capped");
    Exchange none = failedWith(http(503, Map.of()));
    policy.honourRetryAfter(none);
    assertNull(none.getIn().getHeader(Exchange.REDELIVERY_DELAY), "the back-off of the redelivery policy applies");
  }

  @Test
  void retry_after_may_be_an_http_date() {
    assertEquals(7000, policy.parseRetryAfter("Sun, 29 Nov 2026 10:00:07 GMT"));
    assertEquals(0, policy.parseRetryAfter("soon"));
  }

  @Test
  void failures_are_described_by_their_cause_not_their_class() {
    assertEquals("HTTP 503", RetryPolicy.describe(http(503, Map.of())));
    assertEquals("connection refused", RetryPolicy.describe(new ConnectException("Connection refused")));
    assertEquals("timeout", RetryPolicy.describe(new SocketTimeoutException("Read timed out")));
    assertTrue(RetryPolicy.describe(new UnknownHostException("nowhere.invalid")).startsWith("DNS"));
    assertTrue(RetryPolicy.describe(new SSLHandshakeException("bad")).startsWith("TLS"));
  }
}
