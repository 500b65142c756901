package io.github.scansante.site;

import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.Http1StreamListener;

/**
 * Guarantees the politeness period between requests as the server sees them. The throttle spaces
 * the moments requests are let through; a request that then takes longer to leave (the first
 * connection, a GC pause) would arrive closer to the next one. HttpClient reports when each
 * request actually goes out, and the next one waits until the period has passed since then.
 *
 * <p>"Goes out" is when HttpClient has written the request head, just before it flushes it to the
 * socket: every request, the landing page included, is stamped at the same point of its journey.
 * Stamped earlier (once connected, before the head is formatted), the first request of a run was
 * stamped a few milliseconds before it left, slower to leave than the ones after it, and the next
 * request reached the server 1,995.7–1,998.8 ms after it under a 2,000 ms period.
 */
public final class RequestSpacing implements Http1StreamListener {

  private final long periodNanos;
  private final SiteCircuit.Sleeper sleeper;
  private long lastSentNanos;
  private boolean sentOnce;
  private long smallestGapNanos = Long.MAX_VALUE;

  public RequestSpacing(long periodMillis, SiteCircuit.Sleeper sleeper) {
    this.periodNanos = periodMillis * 1_000_000L;
    this.sleeper = sleeper;
  }

  /** Called as a request leaves. */
  public synchronized void sent() {
    long now = System.nanoTime();
    if (sentOnce) {
      smallestGapNanos = Math.min(smallestGapNanos, now - lastSentNanos);
    }
    lastSentNanos = now;
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

  /** The smallest gap kept between two requests as they left, in ms: the politeness actually kept. */
  public synchronized double smallestGapMillis() {
    return smallestGapNanos == Long.MAX_VALUE ? Double.NaN : smallestGapNanos / 1e6;
  }

  @Override
  public void onRequestHead(HttpConnection connection, HttpRequest request) {
    sent();
  }

  @Override
  public void onResponseHead(HttpConnection connection, HttpResponse response) {
    // only departures count
  }

  @Override
  public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
    // only departures count
  }
}
