package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable record of a run under the output folder. While a run is in progress, every finished
 * combination is appended (and flushed) to {@code .scansante/journal.csv}; a run killed at any point
 * resumes from it without asking the site again for what it finished. When the pass completes, the
 * journal becomes {@code run-manifest.csv}, a line is added to {@code runs.csv}, and the journal goes.
 */
public final class RunJournal {

  private static final Logger LOG = LoggerFactory.getLogger(RunJournal.class);
  public static final String STATE_DIR = ".scansante";
  public static final String MANIFEST = "run-manifest.csv";
  public static final String DEAD_LETTERS = "dead-letter.log";
  public static final String RUNS = "runs.csv";
  public static final String PART_SUFFIX = ".part";
  private static final String JOURNAL = "journal.csv";
  /** Present while a run is in progress, and after one that did not complete (until it is resumed). */
  public static final String RUN_STATE = "run.properties";
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private final Path outputDir;
  private final Consumer<ManifestRow> listener;
  private final Set<String> finished = new HashSet<>();
  private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
  private long filesWritten;
  private long rowsWritten;
  private RunInfo current;
  private Writer journal;
  private Writer deadLetters;

  public RunJournal(Path outputDir, Consumer<ManifestRow> listener) {
    this.outputDir = outputDir;
    this.listener = listener;
  }

  public Path outputDir() {
    return outputDir;
  }

  /** Starts a new run, or resumes the interrupted one found in the output folder. */
  public synchronized RunInfo open(String trigger, String plan, Instant now) {
    try {
      Path state = outputDir.resolve(STATE_DIR);
      Files.createDirectories(state);
      removeLeftoverParts();
      finished.clear();
      counts.clear();
      filesWritten = 0;
      rowsWritten = 0;
      Path runState = state.resolve(RUN_STATE);
      if (Files.exists(runState)) {
        current = resume(runState, state.resolve(JOURNAL));
      } else {
        current = new RunInfo(RUN_ID.format(now) + "-" + trigger, trigger, plan, now, 0);
        Properties p = new Properties();
        p.setProperty("id", current.id());
        p.setProperty("trigger", trigger);
        p.setProperty("plan", plan);
        p.setProperty("started", now.toString());
        try (Writer w = Files.newBufferedWriter(runState, StandardCharsets.UTF_8)) {
          p.store(w, "run in progress; removed when the pass completes");
        }
        Files.deleteIfExists(state.resolve(JOURNAL));
        Files.deleteIfExists(outputDir.resolve(DEAD_LETTERS));
      }
      journal = Files.newBufferedWriter(state.resolve(JOURNAL), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      deadLetters = Files.newBufferedWriter(outputDir.resolve(DEAD_LETTERS), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return current;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the run journal under " + outputDir, e);
    }
  }

  private RunInfo resume(Path runState, Path journalFile) throws IOException {
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(runState, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    for (ManifestRow row : readRows(journalFile)) {
      if (finished.add(row.combination().key())) {
        count(row);
      }
    }
    RunInfo info = new RunInfo(p.getProperty("id"), p.getProperty("trigger"), p.getProperty("plan"),
        Instant.parse(p.getProperty("started")), finished.size());
    LOG.info("Resuming run {}: {} combinations already finished", info.id(), finished.size());
    return info;
  }

  public synchronized boolean isDone(Combination c) {
    return finished.contains(c.key());
  }

  public synchronized RunInfo current() {
    return current;
  }

  /** Appends one finished combination; the line is flushed before the next request is made. */
  public synchronized void record(ManifestRow row) {
    try {
      journal.write(CSV.format(row.cells().toArray()) + "\n");
      journal.flush();
      if (row.outcome() != Outcome.DATA && row.outcome() != Outcome.UNCHANGED && row.outcome() != Outcome.DERIVED) {
        deadLetters.write(row.combination().key() + " " + row.outcome().label() + ": " + row.cells().get(8) + "\n");
        deadLetters.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run journal", e);
    }
    if (finished.add(row.combination().key())) {
      count(row);
    }
    listener.accept(row);
  }

  private void count(ManifestRow row) {
    counts.merge(row.outcome(), 1L, Long::sum);
    if (row.outcome() == Outcome.DATA || row.outcome() == Outcome.DERIVED) {
      filesWritten++;
      rowsWritten += row.rows();
    }
  }

  /** The rows the journal of the run in progress holds, e.g. those finished before the run was resumed. */
  public synchronized List<ManifestRow> rowsSoFar() {
    return readRows(outputDir.resolve(STATE_DIR).resolve(JOURNAL));
  }

  /** Closes the pass: manifest, run history, and no journal left to resume from. */
  public synchronized RunSummary finish(Instant now) {
    try {
      closeWriters();
      Path state = outputDir.resolve(STATE_DIR);
      Map<String, ManifestRow> rows = new LinkedHashMap<>();
      for (ManifestRow row : readRows(state.resolve(JOURNAL))) {
        rows.put(row.combination().key(), row);
      }
      writeAtomically(outputDir.resolve(MANIFEST), ManifestRow.HEADER, rows.values().stream().map(ManifestRow::cells).toList());
      RunSummary summary = new RunSummary(current, now, counts, filesWritten, rowsWritten);
      RunHistory.append(outputDir.resolve(RUNS), summary);
      Files.deleteIfExists(state.resolve(JOURNAL));
      Files.deleteIfExists(state.resolve(RUN_STATE));
      current = null;
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run manifest under " + outputDir, e);
    }
  }

  /** The manifest of what the journal holds so far; the journal and the run stay, for the next run to resume. */
  public synchronized void writeManifestSoFar() {
    try {
      if (journal != null) {
        journal.flush();
      }
      Map<String, ManifestRow> rows = new LinkedHashMap<>();
      for (ManifestRow row : readRows(outputDir.resolve(STATE_DIR).resolve(JOURNAL))) {
        rows.put(row.combination().key(), row);
      }
      writeAtomically(outputDir.resolve(MANIFEST), ManifestRow.HEADER, rows.values().stream().map(ManifestRow::cells).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run manifest under " + outputDir, e);
    }
  }

  /** Releases the files of an aborted run; its journal stays for the next run to resume. */
  public synchronized void abandon() {
    try {
      closeWriters();
    } catch (IOException e) {
      LOG.warn("Closing the run journal: {}", e.getMessage());
    }
    current = null;
  }

  private void closeWriters() throws IOException {
    if (journal != null) {
      journal.close();
      journal = null;
    }
    if (deadLetters != null) {
      deadLetters.close();
      deadLetters = null;
    }
  }

  /** The rows of the last completed run, by combination key. */
  public Map<String, ManifestRow> lastManifest() {
    Map<String, ManifestRow> rows = new LinkedHashMap<>();
    for (ManifestRow row : readRows(outputDir.resolve(MANIFEST))) {
      rows.put(row.combination().key(), row);
    }
    return rows;
  }

  /** Reads journal or manifest rows, skipping a header and a line torn by a crash. */
  public static List<ManifestRow> readRows(Path file) {
    List<ManifestRow> rows = new ArrayList<>();
    if (!Files.exists(file)) {
      return rows;
    }
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        try {
          List<CSVRecord> records = CSV.parse(new StringReader(line)).getRecords();
          if (records.size() == 1 && !records.get(0).get(0).equals(ManifestRow.HEADER.get(0))) {
            rows.add(ManifestRow.fromCells(records.get(0).toList()));
          }
        } catch (IOException | IllegalArgumentException | IllegalStateException torn) {
          LOG.warn("Skipping an unreadable line of {} (a run was interrupted while writing it)", file.getFileName());
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeAtomically(Path target, List<String> header, List<List<String>> rows) throws IOException {
    Path part = target.resolveSibling(target.getFileName() + PART_SUFFIX);
    try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
      w.write(CSV.format(header.toArray()) + "\n");
      for (List<String> row : rows) {
        w.write(CSV.format(row.toArray()) + "\n");
      }
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A killed run can leave a temporary file; it never has a data file's name, and goes now. */
  private void removeLeftoverParts() throws IOException {
    try (Stream<Path> files = Files.walk(outputDir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(PART_SUFFIX)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
