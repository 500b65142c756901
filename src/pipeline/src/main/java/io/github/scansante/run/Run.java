package io.github.scansante.run;

import io.github.scansante.economy.DerivationSession;
import io.github.scansante.economy.Derivations;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.site.SiteCatalogue;
import io.github.scansante.site.SiteCircuit;
import io.github.scansante.site.SiteSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.CookieStore;

/**
 * Everything that belongs to one run, from its beginning to its end, carried on the exchanges of its
 * pass as the property {@link #PROPERTY}: its identity and trigger, what it was asked to do, the
 * catalogue in force, the refresh baseline, the journal it writes, its progress, the circuit state,
 * the session cookies, what it has learnt of the site's answers (verified or not, ignored or refused)
 * and the evidence it kept. Nothing of it outlives the run.
 */
public final class Run implements SiteSession, DerivationSession {

  public static final String PROPERTY = SiteSession.PROPERTY;

  private final RunInfo info;
  private final Trigger trigger;
  private final RunDefinition definition;
  private final SiteCatalogue catalogue;
  private final Map<String, ManifestRow> refreshBaseline;
  private final RunJournal journal;
  private final Progress progress;
  private final SiteCircuit circuit;
  private final BasicCookieStore cookies = new BasicCookieStore();
  private final VerificationWatch.Tally verification = new VerificationWatch.Tally();
  private final FutileRequests.Memory futileRequests = new FutileRequests.Memory();
  private final DiagnosisFolder.Kept diagnosis = new DiagnosisFolder.Kept();
  private final Derivations derivations = new Derivations();
  private final CountDownLatch stopAsked = new CountDownLatch(1);
  private final AtomicReference<RuntimeException> ending = new AtomicReference<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Consumer<ManifestRow> listener;
  private final boolean finishing;

  Run(RunInfo info, Trigger trigger, RunDefinition definition, SiteCatalogue catalogue,
      Map<String, ManifestRow> refreshBaseline, RunJournal journal, Progress progress, SiteCircuit.Settings circuit,
      Clock clock, Consumer<ManifestRow> listener, boolean finishing) {
    this.info = info;
    this.trigger = trigger;
    this.definition = definition;
    this.catalogue = catalogue;
    this.refreshBaseline = Map.copyOf(refreshBaseline);
    this.journal = journal;
    this.progress = progress;
    this.circuit = new SiteCircuit(circuit, definition.site(), clock, this::pause);
    this.listener = listener;
    this.finishing = finishing;
  }

  public static Run of(Exchange exchange) {
    Run run = exchange.getProperty(PROPERTY, Run.class);
    if (run == null) {
      throw new IllegalStateException("no run in progress on exchange " + exchange.getExchangeId());
    }
    return run;
  }

  public String id() {
    return info.id();
  }

  public RunInfo info() {
    return info;
  }

  public Trigger trigger() {
    return trigger;
  }

  public RunDefinition definition() {
    return definition;
  }

  @Override
  public Path outputDir() {
    return definition.outputDir();
  }

  @Override
  public SiteCatalogue catalogue() {
    return catalogue;
  }

  /** The rows of the last completed run, by combination key; empty unless refreshing {@code changed}. */
  public Map<String, ManifestRow> refreshBaseline() {
    return refreshBaseline;
  }

  public RunJournal journal() {
    return journal;
  }

  /** Resumed after its pass was complete: only its finishing (master, report, history) is left, with no request. */
  public boolean isFinishing() {
    return finishing;
  }

  public Progress progress() {
    return progress;
  }

  @Override
  public SiteCircuit circuit() {
    return circuit;
  }

  public CookieStore cookies() {
    return cookies;
  }

  /** Whether any answer with a data table was verified yet; {@code verification.stopped} once the run gave up. */
  public VerificationWatch.Tally verification() {
    return verification;
  }

  /** The fields and codes the site ignored or refused in this run. */
  FutileRequests.Memory futileRequests() {
    return futileRequests;
  }

  /** The rejected answers kept as evidence in this run. */
  DiagnosisFolder.Kept diagnosis() {
    return diagnosis;
  }

  /** The national tables, empty tables and verified derivations of this run. */
  @Override
  public Derivations derivations() {
    return derivations;
  }

  /** Journals a finished combination and counts it in the progress, unless the run was already closed. */
  public synchronized void record(ManifestRow row) {
    if (!closed.get()) {
      try {
        journal.record(row);
      } catch (JournalUnwritableException e) {
        end(e);
        throw e;
      }
      progress.accept(row);
      derivations.recorded(row);
      listener.accept(row);
    }
  }

  /** Asks the run to stop: no new combination or request, and any pause ends now. */
  public void requestStop() {
    end(new RunStoppedException("run " + id() + " was asked to stop before the end of its pass"));
  }

  @Override
  public void giveUp(RuntimeException why) {
    end(why);
  }

  private void end(RuntimeException why) {
    ending.compareAndSet(null, why);
    stopAsked.countDown();
  }

  /** The run was asked to stop, or gave up on the site. */
  public boolean isEnding() {
    return ending.get() != null;
  }

  @Override
  public void checkRunning() {
    RuntimeException why = ending.get();
    if (why != null) {
      throw why;
    }
  }

  /** The plan's combinations, until the run is asked to stop or gives up: it then takes no new one. */
  public <T> Iterator<T> untilEnding(Iterator<T> combinations) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !isEnding() && combinations.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return combinations.next();
      }
    };
  }

  /** A pause that a stop cuts short. */
  private void pause(long millis) throws InterruptedException {
    if (stopAsked.await(millis, TimeUnit.MILLISECONDS)) {
      checkRunning();
    }
  }

  /** Closes the run once, with what is to be done then; false when it was already closed. */
  synchronized boolean close(Runnable closing) {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    try {
      closing.run();
    } finally {
      ended.countDown();
    }
    return true;
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Waits for the run's pass to close it. */
  boolean awaitEnd(long millis) throws InterruptedException {
    return ended.await(millis, TimeUnit.MILLISECONDS);
  }
}
