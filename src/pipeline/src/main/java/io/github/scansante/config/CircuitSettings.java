package io.github.scansante.config;

import io.github.scansante.site.SiteCircuit;
import java.time.Duration;

/**
 * The circuit breaker: consecutive failures before it opens, its growing pauses, and when the run
 * gives up on a site that does not answer.
 *
 * @param giveUpAttempts attempts after the landing page, none answered, before giving up (0: never)
 * @param giveUpAfterMs how long the circuit may stay open without a success (0: forever)
 */
public record CircuitSettings(int failureThreshold, long initialPauseMs, long maxPauseMs, int giveUpAttempts,
    long giveUpAfterMs) {

  static final int MAX_THRESHOLD = 1_000;
  static final long MAX_PAUSE_MS = 86_400_000;
  /** A week: a run that waits longer for the site is a stalled run. */
  static final long MAX_GIVE_UP_AFTER_MS = 604_800_000;

  static CircuitSettings read(PropertyValues v) {
    long initial = v.whole("circuit.initial-pause-ms", 1, MAX_PAUSE_MS, "milliseconds");
    return new CircuitSettings(
        v.wholeInt("circuit.failure-threshold", 1, MAX_THRESHOLD, "failures"),
        initial,
        v.whole("circuit.max-pause-ms", initial, MAX_PAUSE_MS, "milliseconds (no less than circuit.initial-pause-ms)"),
        v.wholeInt("circuit.give-up-attempts", 0, MAX_THRESHOLD, "attempts (0 = never give up)"),
        v.whole("circuit.give-up-after-ms", 0, MAX_GIVE_UP_AFTER_MS, "milliseconds (0 = never give up)"));
  }

  /** What each run's circuit is built from. */
  public SiteCircuit.Settings forRuns() {
    return new SiteCircuit.Settings(failureThreshold, initialPauseMs, maxPauseMs, giveUpAttempts, Duration.ofMillis(giveUpAfterMs));
  }
}
