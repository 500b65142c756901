package io.github.scansante.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit state of one run. It stops a run from burning through its plan against a site that is
 * down: after a number of consecutive failed attempts, requests wait for a pause, then one probe is
 * let through; a failed probe doubles the pause (up to a maximum), a success closes the circuit.
 * It gives up, ending the run, when the site has not answered once since the landing page's retries
 * and a number of further attempts, or when the circuit has stayed open without a success too long.
 */
public final class SiteCircuit {

  private static final Logger LOG = LoggerFactory.getLogger(SiteCircuit.class);

  /** Sleeping is abstracted so that tests can observe pauses without waiting them out. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /**
   * @param failureThreshold consecutive failures that open the circuit (0: never)
   * @param giveUpUnanswered attempts after the landing page, none answered, before giving up (0: never)
   * @param giveUpAfter how long the circuit may stay open without a success (zero: forever)
   */
  public record Settings(int failureThreshold, long initialPauseMs, long maxPauseMs, int giveUpUnanswered,
      Duration giveUpAfter) {}

  private final Settings settings;
  private final String site;
  private final Clock clock;
  private final Sleeper sleeper;
  private int consecutiveFailures;
  private long pauseMs;
  private Instant openedAt;
  private boolean answered;
  private boolean landingDone;
  private int unansweredSinceLanding;
  private String lastCause = "no request made";

  public SiteCircuit(Settings settings, String site, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.site = site;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Called before every request: gives up on a dead site, else waits while the circuit is open. */
  public void beforeRequest() throws InterruptedException {
    long wait;
    synchronized (this) {
      checkGiveUp();
      if (!isOpen()) {
        return;
      }
      pauseMs = pauseMs == 0 ? settings.initialPauseMs() : Math.min(settings.maxPauseMs(), pauseMs * 2);
      wait = pauseMs;
      if (!settings.giveUpAfter().isZero()) {
        long left = Duration.between(clock.instant(), openedAt.plus(settings.giveUpAfter())).toMillis();
        wait = Math.max(0, Math.min(wait, left));
      }
    }
    LOG.warn("{} consecutive failures ({}): the site looks down; pausing {} s before probing", consecutiveFailures,
        lastCause, wait / 1000.0);
    sleeper.sleep(wait);
    synchronized (this) {
      checkGiveUp();
    }
  }

  /** Ends the run (throws) when the site is to be given up: see the class comment. */
  public synchronized void checkGiveUp() {
    if (!answered && landingDone && settings.giveUpUnanswered() > 0 && unansweredSinceLanding >= settings.giveUpUnanswered()) {
      throw new SiteUnreachableException(site, lastCause, "no answer to any request of this run, the landing page's "
          + "retries and " + unansweredSinceLanding + " further attempts included");
    }
    if (isOpen() && !settings.giveUpAfter().isZero()
        && !clock.instant().isBefore(openedAt.plus(settings.giveUpAfter()))) {
      throw new SiteUnreachableException(site, lastCause, "no success for "
          + Duration.between(openedAt, clock.instant()).toSeconds() + " s while the circuit stayed open (circuit.give-up-after)");
    }
  }

  /** The landing page's own retries are over: from now on, unanswered attempts count towards giving up. */
  public synchronized void landingDone() {
    landingDone = true;
  }

  /** A 2xx answer: the circuit closes. */
  public synchronized void recordSuccess() {
    if (isOpen()) {
      LOG.info("Probe succeeded: resuming");
    }
    consecutiveFailures = 0;
    pauseMs = 0;
    openedAt = null;
    answered = true;
  }

  /**
   * A failed attempt. {@code answered}: the site sent a status (4xx, 5xx); {@code transient}: a
   * failure that counts towards opening the circuit. Answers whether this failure opened the circuit.
   */
  public synchronized boolean recordFailure(String cause, boolean answeredWithStatus, boolean transientFailure) {
    lastCause = cause;
    if (answeredWithStatus) {
      answered = true;
    } else if (landingDone) {
      unansweredSinceLanding++;
    }
    if (transientFailure) {
      consecutiveFailures++;
      if (openedAt == null && isOpen()) {
        openedAt = clock.instant();
        return true;
      }
    }
    return false;
  }

  public synchronized boolean isOpen() {
    return settings.failureThreshold() > 0 && consecutiveFailures >= settings.failureThreshold();
  }
}
