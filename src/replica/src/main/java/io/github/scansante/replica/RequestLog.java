package io.github.scansante.replica;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Every request the replica received, recorded as it arrives (before any slow answer), so tests
 * can check how a client paced, retried and kept its session. Thread-safe. Can also append each
 * entry to a CSV file as it happens, for tests that run the client in another process.
 */
public final class RequestLog implements Closeable {

  /**
   * One request. {@code nanoTime} is {@link System#nanoTime()} on arrival (for intervals), {@code
   * at} the wall-clock time; {@code rawQuery} is empty when there was none; {@code status} is what
   * was (or is being) answered, 0 when the connection was closed without a response; {@code fault}
   * is the fault kind applied ({@code 503}, {@code slow}, {@code reset}, …), empty for none.
   */
  public record Entry(long nanoTime, Instant at, String method, String path, String rawQuery, int status,
      String fault, boolean hadSessionCookie) {}

  static final String[] HEADER = {"nano_time", "at", "method", "path", "raw_query", "status", "fault",
      "had_session_cookie"};
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

  private final String submitPath;
  private final List<Entry> entries = new ArrayList<>();
  private final CSVPrinter appendTo;

  /** @param appendFile where to append each entry as it happens, or null */
  RequestLog(String submitPath, Path appendFile) throws IOException {
    this.submitPath = submitPath;
    this.appendTo = appendFile == null ? null : openForAppend(appendFile);
  }

  synchronized void record(Entry entry) {
    entries.add(entry);
    if (appendTo != null) {
      try {
        print(appendTo, entry);
        appendTo.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the request log file", e);
      }
    }
  }

  /** A snapshot of all entries, in order of recording. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** A snapshot of the entries for the submit endpoint only. */
  public synchronized List<Entry> submitEntries() {
    return entries.stream().filter(e -> e.path().equals(submitPath)).toList();
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Writes all entries as CSV (with a header line), replacing the file. */
  public void writeCsv(Path file) throws IOException {
    List<Entry> snapshot = entries();
    try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT)) {
      out.printRecord((Object[]) HEADER);
      for (Entry e : snapshot) {
        print(out, e);
      }
    }
  }

  /** Reads a file written by {@link #writeCsv} or appended to as requests arrived. */
  public static List<Entry> readCsv(Path file) throws IOException {
    CSVFormat format = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get();
    List<Entry> read = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord r : format.parse(in)) {
        read.add(new Entry(Long.parseLong(r.get("nano_time")), Instant.parse(r.get("at")), r.get("method"),
            r.get("path"), r.get("raw_query"), Integer.parseInt(r.get("status")), r.get("fault"),
            Boolean.parseBoolean(r.get("had_session_cookie"))));
      }
    }
    return read;
  }

  @Override
  public synchronized void close() throws IOException {
    if (appendTo != null) {
      appendTo.close();
    }
  }

  private static CSVPrinter openForAppend(Path file) throws IOException {
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
    if (fresh) {
      printer.printRecord((Object[]) HEADER);
      printer.flush();
    }
    return printer;
  }

  private static void print(CSVPrinter out, Entry e) throws IOException {
    out.printRecord(e.nanoTime(), e.at(), e.method(), e.path(), e.rawQuery(), e.status(), e.fault(),
        e.hadSessionCookie());
  }
}
