package io.github.scansante.site;

/**
 * Guarantees the politeness period between requests as the server sees them. The throttle spaces
 * the moments requests are let through; a request that then takes longer to leave (the first
 * connection, a GC pause) would arrive closer to the next one. HttpClient reports when each
 * request actually goes out, and the next one waits until the period has passed since then.
 */
public final class RequestSpacing {

  private final long periodNanos;
  private final SiteCircuit.Sleeper sleeper;
  private long lastSentNanos;
  private boolean sentOnce;

  public RequestSpacing(long periodMillis, SiteCircuit.Sleeper sleeper) {
    this.periodNanos = periodMillis * 1_000_000L;
    this.sleeper = sleeper;
  }

  /** Called by HttpClient as a request is written to the connection. */
  public synchronized void sent() {
    lastSentNanos = System.nanoTime();
    sentOnce = true;
  }

  /** Route step after the throttle: waits out what is left of the period since the last send. */
  public void awaitTurn() throws InterruptedException {
    long waitNanos;
    synchronized (this) {
      waitNanos = sentOnce ? lastSentNanos + periodNanos - System.nanoTime() : 0;
    }
    if (waitNanos > 0) {
      sleeper.sleep((waitNanos + 999_999) / 1_000_000);
    }
  }
}
