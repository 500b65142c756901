package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.plan.Combination;
import io.github.scansante.state.CheckedLines;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of one run, {@code .scansante/journal.csv}: every finished combination is appended as
 * one checked line and flushed before the next request, so that a run killed at any point resumes
 * without asking again for what it finished. A line torn by the kill fails its check: it is dropped,
 * said so, and its combination is asked again. {@code dead-letter.log} is written alongside, and
 * rebuilt from the journal on resume so that the two always agree.
 */
public final class RunJournal {

  private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);
  public static final String STATE_DIR = OwnFiles.STATE_DIR;
  public static final String MANIFEST = "run-manifest.csv";
  public static final String DEAD_LETTERS = "dead-letter.log";
  public static final String RUNS = "runs.csv";
  static final String JOURNAL = "journal.csv";
  /** Present while a run has not completed: its identity and phase. */
  public static final String RUN_STATE = "run.properties";

  private final OwnFiles files;
  private final Path journalFile;
  private final Path deadLetterFile;
  private final Set<String> finished = new HashSet<>();
  private final RunCounters counters = new RunCounters();
  private final int tornLines;
  private Writer journal;
  private Writer deadLetters;

  private RunJournal(OwnFiles files, int tornLines) {
    this.files = files;
    this.journalFile = journalFile(files.outputDir());
    this.deadLetterFile = files.outputDir().resolve(DEAD_LETTERS);
    this.tornLines = tornLines;
  }

  static Path journalFile(Path outputDir) {
    return outputDir.resolve(STATE_DIR).resolve(JOURNAL);
  }

  /** A new journal: the previous run's journal and dead-letter log go. */
  static RunJournal start(OwnFiles files) {
    RunJournal j = new RunJournal(files, 0);
    try {
      files.replaceText(j.journalFile, CheckedLines.headerLine(ManifestRow.HEADER));
      files.replaceText(j.deadLetterFile, "");
      j.openWriters();
    } catch (IOException e) {
      throw new JournalUnwritableException(j.journalFile, e);
    }
    return j;
  }

  /** The journal of the unfinished run, without its torn lines; the dead-letter log rebuilt from it. */
  static RunJournal resume(OwnFiles files) {
    Path file = journalFile(files.outputDir());
    CheckedLines.Content content = CheckedLines.read(file);
    List<ManifestRow> rows = new ArrayList<>();
    int unreadable = content.torn();
    for (List<String> cells : content.records()) {
      try {
        rows.add(ManifestRow.fromCells(cells));
      } catch (IllegalArgumentException e) {
        unreadable++;
      }
    }
    RunJournal j = new RunJournal(files, unreadable);
    if (unreadable > 0) {
      LOG.warn("The journal had {} torn or unreadable line(s) (a run was cut off while writing): dropped; "
          + "their combinations are asked again", unreadable);
    }
    try {
      StringBuilder journalText = new StringBuilder(CheckedLines.headerLine(ManifestRow.HEADER));
      StringBuilder deadLetterText = new StringBuilder();
      for (ManifestRow row : rows) {
        journalText.append(CheckedLines.line(row.cells()));
        deadLetterLine(row).ifPresent(deadLetterText::append);
        if (j.finished.add(row.combination().key())) {
          j.counters.count(row);
        }
      }
      if (unreadable > 0 || !content.endsCleanly() || content.header().isEmpty()) {
        files.replaceText(file, journalText.toString());
      }
      files.replaceText(j.deadLetterFile, deadLetterText.toString());
      j.openWriters();
    } catch (IOException e) {
      throw new JournalUnwritableException(file, e);
    }
    return j;
  }

  private void openWriters() throws IOException {
    journal = writer(files.append(journalFile));
    deadLetters = writer(files.append(deadLetterFile));
  }

  private static Writer writer(OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  private static Optional<String> deadLetterLine(ManifestRow row) {
    if (row.outcome().writesFile()) {
      return Optional.empty();
    }
    return Optional.of(row.combination().key() + " " + row.outcome().label() + ": " + row.cells().get(8) + "\n");
  }

  public int tornLines() {
    return tornLines;
  }

  public synchronized boolean isDone(Combination c) {
    return finished.contains(c.key());
  }

  synchronized long finishedCount() {
    return finished.size();
  }

  RunCounters counters() {
    return counters;
  }

  /** Appends one finished combination; the line is flushed before the next request is made. */
  synchronized void record(ManifestRow row) {
    if (journal == null) {
      throw new IllegalStateException("the run journal is closed");
    }
    try {
      journal.write(CheckedLines.line(row.cells()));
      journal.flush();
      var line = deadLetterLine(row);
      if (line.isPresent()) {
        deadLetters.write(line.get());
        deadLetters.flush();
      }
    } catch (IOException e) {
      throw new JournalUnwritableException(journalFile, e);
    }
    if (finished.add(row.combination().key())) {
      counters.count(row);
    }
  }

  /** What the journal holds, the last row of each combination, in the order they finished. */
  synchronized List<ManifestRow> rows() {
    if (journal != null) {
      try {
        journal.flush();
      } catch (IOException e) {
        throw new JournalUnwritableException(journalFile, e);
      }
    }
    return rowsOf(journalFile);
  }

  public static List<ManifestRow> rowsOf(Path journalFile) {
    Map<String, ManifestRow> rows = new LinkedHashMap<>();
    for (List<String> cells : CheckedLines.read(journalFile).records()) {
      try {
        ManifestRow row = ManifestRow.fromCells(cells);
        rows.put(row.combination().key(), row);
      } catch (IllegalArgumentException unreadable) {
        // counted and reported when the journal was resumed
      }
    }
    return new ArrayList<>(rows.values());
  }

  synchronized void close() {
    try {
      if (journal != null) {
        journal.close();
      }
      if (deadLetters != null) {
        deadLetters.close();
      }
    } catch (IOException e) {
      LOG.warn("Closing the run journal: {}", e.getMessage());
    } finally {
      journal = null;
      deadLetters = null;
    }
  }

  /** The journal is no longer needed: its run completed, or was set aside. */
  void delete() {
    close();
    try {
      Files.deleteIfExists(journalFile);
    } catch (IOException e) {
      LOG.warn("Cannot remove {}: {}", journalFile, e.getMessage());
    }
  }
}
