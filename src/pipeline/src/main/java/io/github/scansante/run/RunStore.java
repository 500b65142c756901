package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable side of runs under the output folder, without state of its own: opens a run (resuming
 * the unfinished one only when it is the same run), finishes its pass (manifest, verified-files
 * index), records it in {@code runs.csv} and closes it. Every file is written through {@link OwnFiles}.
 */
public final class RunStore {

  private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** A run as opened: new, resumed in its pass, or resumed in its finishing. */
  record Opened(RunInfo info, RunJournal journal, boolean finishing) {}

  private final OwnFiles files;

  public RunStore(Path outputDir) {
    this.files = new OwnFiles(outputDir);
  }

  public Path outputDir() {
    return files.outputDir();
  }

  private Path stateDir() {
    return outputDir().resolve(RunJournal.STATE_DIR);
  }

  private Path runState() {
    return stateDir().resolve(RunJournal.RUN_STATE);
  }

  /**
   * Resumes the unfinished run if it is the same run (same site, plan, years, limit) and no restart
   * was asked; otherwise records it as abandoned and starts afresh.
   */
  Opened open(RunDefinition definition, String trigger, boolean restart, Instant now) {
    try {
      files.sweepTemporaryFiles();
    } catch (IOException e) {
      throw new JournalUnwritableException(stateDir(), e);
    }
    Optional<RunStateFile.State> unfinished = RunStateFile.read(runState());
    if (unfinished.isPresent()) {
      RunStateFile.State state = unfinished.get();
      if (!restart && state.identity().equals(definition.identity())) {
        RunJournal journal = RunJournal.resume(files);
        boolean finishing = state.phase() == RunStateFile.Phase.FINISHING;
        LOG.info("Resuming run {}{}: {} combinations already finished", state.id(),
            finishing ? " at its finishing (master, report), without a request" : "", journal.finishedCount());
        return new Opened(state.info(journal.finishedCount()), journal, finishing);
      }
      abandon(state, now, restart ? "--restart was asked"
          : "it was another run (" + state.identity() + "; now " + definition.identity() + ")");
    } else if (Files.exists(RunJournal.journalFile(outputDir()))) {
      LOG.warn("A run journal without its run state was found: it cannot be told which run it belongs to, "
          + "so this run starts afresh");
    }
    RunStateFile.State state = new RunStateFile.State(RUN_ID.format(now) + "-" + trigger, trigger, definition.plan(), now,
        definition.identity(), RunStateFile.Phase.PASS);
    RunStateFile.write(files, runState(), state);
    return new Opened(state.info(0), RunJournal.start(files), false);
  }

  private void abandon(RunStateFile.State state, Instant now, String why) {
    RunJournal journal = RunJournal.resume(files);
    journal.close();
    RunHistory.append(files, outputDir().resolve(RunJournal.RUNS), journal.counters().summary(state.info(0), now),
        RunHistory.Status.ABANDONED);
    journal.delete();
    RunStateFile.delete(runState());
    LOG.warn("The unfinished run {} is recorded as abandoned in {} ({}): this run starts afresh", state.id(),
        RunJournal.RUNS, why);
  }

  /** The pass is over: the manifest and the verified-files index from the journal, then the run is finishing. */
  void finishPass(RunJournal journal) {
    try {
      var rows = journal.rows();
      ManifestWriter.write(files, outputDir().resolve(RunJournal.MANIFEST), rows);
      VerifiedFiles.update(files, rows);
    } catch (IOException e) {
      throw new JournalUnwritableException(outputDir().resolve(RunJournal.MANIFEST), e);
    }
    RunStateFile.read(runState()).ifPresent(state -> RunStateFile.write(files, runState(), state.finishing()));
  }

  /** The run's line in runs.csv (once, even when its finishing is resumed). */
  RunSummary record(RunInfo run, RunJournal journal, Instant now) {
    RunSummary summary = journal.counters().summary(run, now);
    RunHistory.append(files, outputDir().resolve(RunJournal.RUNS), summary, RunHistory.Status.COMPLETE);
    return summary;
  }

  /** The run completed: nothing is left to resume. */
  void complete(RunJournal journal) {
    journal.delete();
    RunStateFile.delete(runState());
  }

  /** The run ends before its pass does: the manifest of what was done; the journal stays for the next run. */
  void keepForResume(RunJournal journal) {
    try {
      ManifestWriter.write(files, outputDir().resolve(RunJournal.MANIFEST), journal.rows());
    } catch (IOException | RuntimeException e) {
      LOG.warn("The manifest of what was done could not be written ({}); the journal keeps it", e.getMessage());
    }
    journal.close();
  }

  /** The rows of the last manifest, by combination key. */
  public Map<String, ManifestRow> lastManifest() {
    Map<String, ManifestRow> rows = new LinkedHashMap<>();
    for (ManifestRow row : ManifestWriter.read(outputDir().resolve(RunJournal.MANIFEST))) {
      rows.put(row.combination().key(), row);
    }
    return rows;
  }
}
