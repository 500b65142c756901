package io.github.scansante.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a run from burning through its plan against a site that is down: after a number of
 * consecutive failed attempts, requests wait for a pause, then one probe is let through; a failed
 * probe doubles the pause (up to a maximum), a success closes the circuit.
 */
public final class SiteCircuit {

  private static final Logger LOG = LoggerFactory.getLogger(SiteCircuit.class);

  /** Sleeping is abstracted so that tests can observe pauses without waiting them out. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final int failureThreshold;
  private final long initialPauseMs;
  private final long maxPauseMs;
  private final Sleeper sleeper;
  private int consecutiveFailures;
  private long pauseMs;

  public SiteCircuit(int failureThreshold, long initialPauseMs, long maxPauseMs, Sleeper sleeper) {
    this.failureThreshold = failureThreshold;
    this.initialPauseMs = initialPauseMs;
    this.maxPauseMs = maxPauseMs;
    this.sleeper = sleeper;
  }

  /** Called before every request: waits while the circuit is open. */
  public void beforeRequest() throws InterruptedException {
    long wait;
    synchronized (this) {
      if (failureThreshold <= 0 || consecutiveFailures < failureThreshold) {
        return;
      }
      pauseMs = pauseMs == 0 ? initialPauseMs : Math.min(maxPauseMs, pauseMs * 2);
      wait = pauseMs;
    }
    LOG.warn("{} consecutive failures: the site looks down; pausing {} s before probing", consecutiveFailures, wait / 1000.0);
    sleeper.sleep(wait);
  }

  public synchronized void recordSuccess() {
    if (consecutiveFailures >= failureThreshold && failureThreshold > 0) {
      LOG.info("Probe succeeded: resuming");
    }
    consecutiveFailures = 0;
    pauseMs = 0;
  }

  public synchronized void recordFailure() {
    consecutiveFailures++;
  }

  public synchronized boolean isOpen() {
    return failureThreshold > 0 && consecutiveFailures >= failureThreshold;
  }
}
