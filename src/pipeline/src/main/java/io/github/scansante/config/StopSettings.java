package io.github.scansante.config;

/**
 * Stopping on Ctrl-C or SIGTERM.
 *
 * @param graceMs how long the request in flight may take to end before its connection is dropped
 */
public record StopSettings(long graceMs) {

  static final long MAX_GRACE_MS = 600_000;

  static StopSettings read(PropertyValues v) {
    return new StopSettings(v.whole("run.stop-grace-ms", 0, MAX_GRACE_MS, "milliseconds"));
  }
}
