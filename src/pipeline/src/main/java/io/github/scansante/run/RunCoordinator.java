package io.github.scansante.run;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.economy.NationalTablesFirst;
import io.github.scansante.flow.CombinationWork;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import io.github.scansante.plan.Planner;
import io.github.scansante.plan.YearRange;
import io.github.scansante.site.SiteCatalogue;
import io.github.scansante.site.SiteCircuit;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and closes runs, one at a time whatever triggered them (command line, Quartz, JMX): opens
 * or resumes the journal, creates the {@link Run} that carries the run's state, builds the plan and
 * reports what the form will not accept before any request, and writes the summary at the end. A run
 * asked to stop, or that gives up on the site, keeps its journal for the next run to resume.
 */
public final class RunCoordinator {

  private static final Logger LOG = LoggerFactory.getLogger(RunCoordinator.class);

  /**
   * The runs this process makes: what they do, by trigger, and how their circuit behaves.
   *
   * @param deriveZoneTables zone tables are derived from national ones, which are then asked first
   */
  public record Runs(String site, String planName, YearRange years, long limit, Path outputDir,
      RefreshPolicy.Mode cliRefresh, RefreshPolicy.Mode scheduledRefresh, SiteCircuit.Settings circuit,
      boolean deriveZoneTables) {

    RunDefinition definition(Trigger trigger) {
      return new RunDefinition(site, planName, years, limit, trigger.isUnattended() ? scheduledRefresh : cliRefresh, outputDir);
    }
  }

  private final Runs runs;
  private final Planner planner;
  private final Catalogue builtIn;
  private final RunStore store;
  private final RefreshPolicy refresh;
  private final Consumer<ManifestRow> listener;
  private final Supplier<Progress> progress;
  private final Clock clock;
  private final AtomicReference<Run> active = new AtomicReference<>();
  private volatile RunSummary lastSummary;
  private volatile boolean stopping;
  private final AtomicBoolean restartAsked;

  /**
   * @param restart whether the first run of this process starts afresh even where an unfinished run
   *     of the same definition could be resumed
   * @param listener told of every finished combination (the service's meters)
   */
  public RunCoordinator(Runs runs, Planner planner, Catalogue builtIn, RunStore store, RefreshPolicy refresh,
      Supplier<Progress> progress, Clock clock, boolean restart, Consumer<ManifestRow> listener) {
    this.runs = runs;
    this.planner = planner;
    this.builtIn = builtIn;
    this.store = store;
    this.refresh = refresh;
    this.listener = listener;
    this.restartAsked = new AtomicBoolean(restart);
    this.progress = progress;
    this.clock = clock;
  }

  /** Opens a run for the trigger; refuses if one is in progress. */
  public synchronized Run begin(Trigger trigger) {
    Run current = active.get();
    if (current != null) {
      throw new RunInProgressException(current.id());
    }
    if (stopping) {
      throw RunInProgressException.stopping();
    }
    RunDefinition definition = runs.definition(trigger);
    RunStore.Opened opened = store.open(definition, trigger.label(), restartAsked.getAndSet(false), clock.instant());
    Run run = new Run(opened.info(), trigger, definition, new SiteCatalogue(builtIn), refresh.baseline(definition.refresh()),
        opened.journal(), progress.get(), runs.circuit(), clock, listener, opened.finishing());
    if (opened.info().resumed() > 0) {
      opened.journal().rows().forEach(run.derivations()::recorded);
    }
    active.set(run);
    LOG.info("Run {} started by {} on plan {}", run.id(), trigger.label(), definition.plan());
    return run;
  }

  /** The run's plan, counted and checked against the form before the first submit request. */
  public Iterable<Combination> plan(Exchange exchange) {
    Run run = Run.of(exchange);
    RunDefinition d = run.definition();
    Plan planned = planner.plan(d.plan(), d.years(), d.limit());
    Plan plan = runs.deriveZoneTables() ? NationalTablesFirst.of(planned) : planned;
    long total = 0;
    Map<String, Long> refused = new TreeMap<>();
    for (Combination c : plan) {
      total++;
      run.catalogue().notOffered(c).ifPresent(reason -> refused.merge(reason, 1L, Long::sum));
    }
    LOG.info("Plan {}: {} combinations, codes checked against {}", plan.name(), total, run.catalogue().describe());
    refused.forEach((reason, n) -> LOG.warn("{} combinations skipped without a request: {}", n, reason));
    run.progress().start(total, run.info().resumed());
    return () -> run.untilEnding(plan.iterator());
  }

  /** Whether a resumed run finished this combination before it was interrupted. */
  public boolean isFinished(Exchange exchange) {
    return Run.of(exchange).journal().isDone(CombinationWork.of(exchange).combination());
  }

  /** After the split: a pass cut short by a stop or by giving up on the site does not finish the run. */
  public void checkPassComplete(Exchange exchange) {
    Run.of(exchange).checkRunning();
  }

  /** First step of each combination: takes it on, unless the run is stopping. */
  public void take(Exchange exchange) throws org.apache.camel.InvalidPayloadException {
    Run.of(exchange).checkRunning();
    exchange.setProperty(CombinationWork.PROPERTY, new CombinationWork(exchange.getMessage().getMandatoryBody(Combination.class)));
  }

  /** The pass is complete: its manifest and the verified-files index are written; the run is now finishing. */
  public void finishPass(Exchange exchange) {
    store.finishPass(Run.of(exchange).journal());
  }

  /** The run's line in runs.csv, once the master is built and before the report that describes it. */
  public RunSummary record(Exchange exchange) {
    Run run = Run.of(exchange);
    RunSummary summary = store.record(run.info(), run.journal(), clock.instant());
    lastSummary = summary;
    return summary;
  }

  /** The run's master and report are built: it is complete, and nothing is left to resume. */
  public RunSummary complete(Exchange exchange) {
    Run run = Run.of(exchange);
    RunSummary summary = lastSummary;
    run.close(() -> {
      run.progress().end();
      store.complete(run.journal());
      LOG.info("\n{}", Progress.table(summary));
      run.derivations().summary().forEach(line -> LOG.info("Zone tables {}", line));
    });
    active.compareAndSet(run, null);
    return summary;
  }

  /**
   * The run was stopped or gave up on the site: what was done goes into the manifest, the journal
   * stays. Answers why, as the run's result.
   */
  public RuntimeException endedEarly(Exchange exchange) {
    RuntimeException why = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RuntimeException.class);
    Run run = exchange.getProperty(Run.PROPERTY, Run.class);
    if (run != null) { // null: the run could not even begin (a full disk)
      keepForResume(run, why.getMessage());
    }
    return why;
  }

  /** An unexpected failure ends the run; its journal stays so that the next run resumes it. */
  public void abort(Exchange exchange) {
    Run run = exchange.getProperty(Run.PROPERTY, Run.class);
    if (run != null) {
      run.close(() -> {
        run.progress().end();
        run.journal().close();
      });
      active.compareAndSet(run, null);
    }
  }

  private void keepForResume(Run run, String why) {
    run.close(() -> {
      run.progress().end();
      store.keepForResume(run.journal());
      LOG.warn("Run {} ended before its pass completed ({}): {} combinations done; the next run resumes it",
          run.id(), why, run.progress().done());
    });
    active.compareAndSet(run, null);
  }

  /**
   * Stops the run in progress, if any, and starts no new one (the context is stopping): the run takes
   * no new combination and its pauses end. If its pass has not closed it within the grace period (a
   * slow request), the request in flight is abandoned; failing that, the run is closed from here.
   */
  public void stop(long graceMs, Runnable abandonRequest) {
    stopping = true;
    Run run = active.get();
    if (run == null) {
      return;
    }
    LOG.warn("Stopping run {}: no new combination; waiting up to {} ms for the request in flight", run.id(), graceMs);
    run.requestStop();
    try {
      if (run.awaitEnd(graceMs)) {
        return;
      }
      // The request failing now is no verdict: its combination is left for the next run.
      abandonRequest.run();
      if (run.awaitEnd(graceMs)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    keepForResume(run, "stopped; the request in flight was abandoned");
  }

  public boolean isRunning() {
    return active.get() != null;
  }

  public String currentRunId() {
    Run run = active.get();
    return run == null ? "" : run.id();
  }

  public String progressLine() {
    Run run = active.get();
    return run == null ? "" : run.progress().done() + "/" + run.progress().total();
  }

  /** The progress of the run in progress (done, total, rate, ETA), for read-only display. */
  public Optional<Progress> currentProgress() {
    return Optional.ofNullable(active.get()).map(Run::progress);
  }

  public RunSummary lastSummary() {
    return lastSummary;
  }

  /** The session cookies of the run in progress: each run starts a new session. */
  public Optional<CookieStore> sessionCookies() {
    return Optional.ofNullable(active.get()).map(Run::cookies);
  }
}
