package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteCircuitTest {

  private static final String SITE = "http://127.0.0.1:9";
  private final List<Long> pauses = new ArrayList<>();
  private final MutableClock clock = new MutableClock();
  private final SiteCircuit circuit = circuit(0, Duration.ZERO);

  private SiteCircuit circuit(int giveUpAttempts, Duration giveUpAfter) {
    return new SiteCircuit(new SiteCircuit.Settings(3, 1000, 5000, giveUpAttempts, giveUpAfter), SITE, clock, ms -> {
      pauses.add(ms);
      clock.now = clock.now.plusMillis(ms);
    });
  }

  private static void fail(SiteCircuit c, int times) {
    for (int i = 0; i < times; i++) {
      c.recordFailure("HTTP 503", true, true);
    }
  }

  @Test
  void only_the_failure_that_opens_the_circuit_says_so_until_a_success_closes_it() throws InterruptedException {
    assertFalse(circuit.recordFailure("HTTP 503", true, true));
    assertFalse(circuit.recordFailure("HTTP 404", true, false), "a permanent failure does not count");
    assertFalse(circuit.recordFailure("HTTP 503", true, true));
    assertTrue(circuit.recordFailure("HTTP 503", true, true), "third consecutive transient failure");
    circuit.beforeRequest();
    assertFalse(circuit.recordFailure("HTTP 503", true, true), "a failed probe keeps the same opening");
    circuit.recordSuccess();
    fail(circuit, 2);
    assertTrue(circuit.recordFailure("HTTP 503", true, true), "a new opening after the circuit closed");
  }

  @Test
  void closed_circuit_never_waits() throws InterruptedException {
    fail(circuit, 2);
    circuit.beforeRequest();
    assertEquals(List.of(), pauses);
  }

  @Test
  void after_k_consecutive_failures_each_probe_waits_longer_up_to_the_maximum() throws InterruptedException {
    fail(circuit, 3);
    for (int probe = 0; probe < 5; probe++) {
      circuit.beforeRequest();
      fail(circuit, 1);
    }
    assertEquals(List.of(1000L, 2000L, 4000L, 5000L, 5000L), pauses);
  }

  @Test
  void a_successful_probe_closes_the_circuit_and_resets_the_pause() throws InterruptedException {
    fail(circuit, 3);
    circuit.beforeRequest();
    circuit.recordSuccess();
    assertFalse(circuit.isOpen());
    circuit.beforeRequest();
    fail(circuit, 3);
    circuit.beforeRequest();
    assertEquals(List.of(1000L, 1000L), pauses);
  }

  @Test
  void permanent_failures_do_not_open_the_circuit() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      circuit.recordFailure("HTTP 404", true, false);
    }
    assertFalse(circuit.isOpen());
  }

  @Test
  void a_site_that_never_answered_is_given_up_after_the_landing_and_n_further_attempts() throws InterruptedException {
    SiteCircuit dead = circuit(2, Duration.ZERO);
    for (int i = 0; i < 5; i++) {
      dead.beforeRequest();
      dead.recordFailure("connection refused", false, true);
    }
    dead.landingDone();
    dead.beforeRequest();
    dead.recordFailure("connection refused", false, true);
    dead.beforeRequest();
    dead.recordFailure("connection refused", false, true);
    SiteUnreachableException e = assertThrows(SiteUnreachableException.class, dead::beforeRequest);
    assertTrue(e.getMessage().contains(SITE) && e.getMessage().contains("connection refused"), e.getMessage());
  }

  @Test
  void a_site_that_answered_once_is_not_given_up_for_unanswered_attempts() throws InterruptedException {
    SiteCircuit flaky = circuit(2, Duration.ZERO);
    flaky.landingDone();
    flaky.recordSuccess();
    for (int i = 0; i < 10; i++) {
      flaky.recordFailure("timeout", false, true);
      flaky.beforeRequest();
    }
  }

  @Test
  void a_circuit_open_without_success_longer_than_the_limit_gives_up() throws InterruptedException {
    SiteCircuit open = circuit(0, Duration.ofMillis(6000));
    open.landingDone();
    open.recordSuccess();
    fail(open, 3);
    open.beforeRequest(); // 1000
    fail(open, 1);
    open.beforeRequest(); // 2000
    fail(open, 1);
    assertThrows(SiteUnreachableException.class, open::beforeRequest, "the 4000 ms pause reaches the limit");
    assertEquals(List.of(1000L, 2000L, 3000L), pauses, "the last pause is cut at the limit");
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
