package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import io.github.scansante.state.CheckedLines;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code runs.csv}: one row per run that completed or was set aside, with its status, trigger, times
 * and counts per outcome, and a CRC-32 per line. A line torn by a crash is dropped when the file is
 * next written; a file written under other columns (an earlier version, new outcomes) is rewritten
 * under the current ones, its rows kept.
 */
public final class RunHistory {

  private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);

  /** Why a run is in the history. */
  public enum Status {
    COMPLETE, ABANDONED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private RunHistory() {}

  /** The columns, without the checksum that ends each line. */
  public static List<String> header() {
    List<String> header = new ArrayList<>(List.of("run_id", "status", "trigger", "plan", "started", "ended", "elapsed_s",
        "combinations"));
    for (Outcome o : Outcome.values()) {
      header.add(o.label().replace('-', '_'));
    }
    header.addAll(List.of("files_written", "rows_written"));
    return header;
  }

  /** Every whole row, by column name, oldest first; an earlier version's file is read by its own header. */
  public static List<Map<String, String>> read(Path file) {
    return rows(file, CheckedLines.read(file));
  }

  private static List<Map<String, String>> rows(Path file, CheckedLines.Content content) {
    if (Files.isSymbolicLink(file)) {
      return List.of(); // not ours to read through; the next write replaces the link
    }
    if (content.header().isEmpty()) {
      return legacy(file);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> cells : content.records()) {
      if (cells.size() == content.header().size()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
          row.put(content.header().get(i), cells.get(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The last run that completed, by column name. */
  public static Optional<Map<String, String>> lastComplete(Path file) {
    List<Map<String, String>> rows = read(file);
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (Status.COMPLETE.label().equals(rows.get(i).get("status"))) {
        return Optional.of(rows.get(i));
      }
    }
    return Optional.empty();
  }

  /** Adds the run's row, once: a run whose finishing is resumed is not counted twice. */
  static void append(OwnFiles files, Path file, RunSummary s, Status status) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("run_id", s.run().id());
    row.put("status", status.label());
    row.put("trigger", s.run().trigger());
    row.put("plan", s.run().plan());
    row.put("started", s.run().started().toString());
    row.put("ended", s.ended().toString());
    row.put("elapsed_s", Long.toString(s.elapsed().toSeconds()));
    row.put("combinations", Long.toString(s.combinations()));
    for (Outcome o : Outcome.values()) {
      row.put(o.label().replace('-', '_'), Long.toString(s.count(o)));
    }
    row.put("files_written", Long.toString(s.filesWritten()));
    row.put("rows_written", Long.toString(s.rowsWritten()));
    try {
      CheckedLines.Content content = CheckedLines.read(file);
      List<Map<String, String>> rows = new ArrayList<>(rows(file, content));
      if (rows.stream().anyMatch(r -> s.run().id().equals(r.get("run_id")))) {
        return;
      }
      if (!content.header().equals(header()) || content.needsRepair()) {
        if (content.torn() > 0) {
          LOG.warn("{}: {} torn line(s) dropped (a run was cut off while writing it)", file.getFileName(), content.torn());
        }
        rows.add(row);
        StringBuilder text = new StringBuilder(CheckedLines.headerLine(header()));
        for (Map<String, String> r : rows) {
          text.append(CheckedLines.line(header().stream().map(c -> r.getOrDefault(c, "0")).toList()));
        }
        files.replaceText(file, text.toString());
        return;
      }
      try (OutputStream out = files.append(file)) {
        out.write(CheckedLines.line(header().stream().map(row::get).toList()).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new JournalUnwritableException(file, e);
    }
  }

  /** A file of an earlier version: a plain CSV header, no checksums. */
  private static List<Map<String, String>> legacy(Path file) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(reader)) {
      for (var record : parser) {
        if (record.isConsistent()) {
          Map<String, String> row = new LinkedHashMap<>(record.toMap());
          row.putIfAbsent("status", Status.COMPLETE.label()); // an earlier version wrote complete runs only
          rows.add(row);
        }
      }
    } catch (NoSuchFileException e) {
      return rows;
    } catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      LOG.warn("{} is unreadable ({}): its earlier rows are left out", file.getFileName(), e.getMessage());
    }
    return rows;
  }
}
