package io.github.scansante.config;

/** The circuit breaker: consecutive failures before it opens, and its growing pauses. */
public record CircuitSettings(int failureThreshold, long initialPauseMs, long maxPauseMs) {

  static final int MAX_THRESHOLD = 1_000;
  static final long MAX_PAUSE_MS = 86_400_000;

  static CircuitSettings read(PropertyValues v) {
    long initial = v.whole("circuit.initial-pause-ms", 1, MAX_PAUSE_MS, "milliseconds");
    return new CircuitSettings(
        v.wholeInt("circuit.failure-threshold", 1, MAX_THRESHOLD, "failures"),
        initial,
        v.whole("circuit.max-pause-ms", initial, MAX_PAUSE_MS, "milliseconds (no less than circuit.initial-pause-ms)"));
  }
}
