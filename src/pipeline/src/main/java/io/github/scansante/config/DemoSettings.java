package io.github.scansante.config;

/** The embedded replica of {@code demo} and {@code simulate}. */
public record DemoSettings(String outputDir, long delayMs, long retryDelayMs, long seed, int replicaPort) {

  static DemoSettings read(PropertyValues v) {
    return new DemoSettings(
        v.nonBlank("demo.output-dir", "use the path of a folder"),
        v.whole("demo.delay-ms", 0, PolitenessSettings.MAX_PERIOD_MS, "milliseconds"),
        v.whole("demo.retry-delay-ms", 0, RetrySettings.MAX_DELAY_MS, "milliseconds"),
        v.anyWhole("demo.seed"),
        v.wholeInt("replica.port", 0, ScheduleSettings.MAX_PORT, "(a TCP port; 0 = any free one)"));
  }
}
