package io.github.scansante.run;

import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import io.github.scansante.plan.Planner;
import io.github.scansante.plan.YearRange;
import io.github.scansante.site.SiteCatalogue;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and closes runs, one at a time whatever triggered them (command line, Quartz, JMX): opens
 * or resumes the journal, builds the plan and reports what the form will not accept before any
 * request, and writes the summary at the end.
 */
public final class RunCoordinator {

  private static final Logger LOG = LoggerFactory.getLogger(RunCoordinator.class);
  public static final String CLI_TRIGGER = "cli";
  /** Unattended triggers use the scheduled refresh mode; the others the command line's. */
  private static final java.util.Set<String> SCHEDULED_TRIGGERS = java.util.Set.of("quartz", "jmx");

  /** The plan and refresh settings of this process. */
  public record Settings(String planName, YearRange years, long limit, RefreshPolicy.Mode cliRefresh,
      RefreshPolicy.Mode scheduledRefresh) {}

  private final Settings settings;
  private final Planner planner;
  private final SiteCatalogue catalogue;
  private final RunJournal journal;
  private final RefreshPolicy refresh;
  private final Progress progress;
  private final CookieStore cookies;
  private final Clock clock;
  private final AtomicReference<RunInfo> active = new AtomicReference<>();
  private volatile RunSummary lastSummary;

  public RunCoordinator(Settings settings, Planner planner, SiteCatalogue catalogue, RunJournal journal,
      RefreshPolicy refresh, Progress progress, CookieStore cookies, Clock clock) {
    this.settings = settings;
    this.planner = planner;
    this.catalogue = catalogue;
    this.journal = journal;
    this.refresh = refresh;
    this.progress = progress;
    this.cookies = cookies;
    this.clock = clock;
  }

  /** Opens a run for the trigger in the body; refuses if one is in progress. */
  public RunInfo begin(String trigger) {
    RunInfo placeholder = new RunInfo("starting", trigger, settings.planName(), clock.instant(), 0);
    if (!active.compareAndSet(null, placeholder)) {
      throw new RunInProgressException(active.get().id());
    }
    try {
      cookies.clear();
      RunInfo run = journal.open(trigger, settings.planName(), clock.instant());
      refresh.prepare(SCHEDULED_TRIGGERS.contains(trigger) ? settings.scheduledRefresh() : settings.cliRefresh());
      active.set(run);
      LOG.info("Run {} started by {} on plan {}", run.id(), trigger, settings.planName());
      return run;
    } catch (RuntimeException e) {
      active.set(null);
      throw e;
    }
  }

  /** The run's plan, counted and checked against the form before the first submit request. */
  public Plan plan() {
    Plan plan = planner.plan(settings.planName(), settings.years(), settings.limit());
    long total = 0;
    Map<String, Long> refused = new TreeMap<>();
    for (Combination c : plan) {
      total++;
      catalogue.notOffered(c).ifPresent(reason -> refused.merge(reason, 1L, Long::sum));
    }
    LOG.info("Plan {}: {} combinations, codes checked against {}", plan.name(), total, catalogue.describe());
    refused.forEach((reason, n) -> LOG.warn("{} combinations skipped without a request: {}", n, reason));
    progress.start(total, journal.current().resumed());
    return plan;
  }

  public RunSummary finish() {
    progress.end();
    RunSummary summary = journal.finish(clock.instant());
    lastSummary = summary;
    active.set(null);
    LOG.info("\n{}", Progress.table(summary));
    return summary;
  }

  /** An unexpected failure ends the run; its journal stays so that the next run resumes it. */
  public void abort() {
    progress.end();
    journal.abandon();
    active.set(null);
  }

  public boolean isRunning() {
    return active.get() != null;
  }

  public String currentRunId() {
    RunInfo run = active.get();
    return run == null ? "" : run.id();
  }

  public String progressLine() {
    return isRunning() ? progress.done() + "/" + progress.total() : "";
  }

  public RunSummary lastSummary() {
    return lastSummary;
  }
}
