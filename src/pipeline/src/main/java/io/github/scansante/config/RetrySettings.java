package io.github.scansante.config;

/** Retries of transport failures: how many, with what back-off, and how long a Retry-After is honoured. */
public record RetrySettings(int maxRetries, long initialDelayMs, double multiplier, long maxDelayMs, long retryAfterCapMs) {

  static final int MAX_RETRIES = 20;
  static final long MAX_DELAY_MS = 3_600_000;
  static final double MAX_MULTIPLIER = 10;

  static RetrySettings read(PropertyValues v) {
    long initial = v.whole("retry.initial-delay-ms", 0, MAX_DELAY_MS, "milliseconds");
    return new RetrySettings(
        v.wholeInt("retry.max-retries", 0, MAX_RETRIES, "retries"),
        initial,
        v.decimal("retry.multiplier", 1, MAX_MULTIPLIER),
        v.whole("retry.max-delay-ms", initial, MAX_DELAY_MS, "milliseconds (no less than retry.initial-delay-ms)"),
        v.whole("retry.retry-after-cap-ms", 0, MAX_DELAY_MS, "milliseconds"));
  }
}
