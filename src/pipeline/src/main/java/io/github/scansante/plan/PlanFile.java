package io.github.scansante.plan;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.text.UserText;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A user's plan: a CSV file whose columns are the form's fields ({@code annee,tgeo,codegeo,base}
 * required; {@code A50,CAS,DA,GP} optional, at most one filled per line). Read as Excel and
 * editors save it: UTF-8 with or without a BOM, comma or semicolon (told by the header), CRLF or
 * LF. Values become folder and file names, so only short alphanumeric codes are accepted. Every
 * error is one sentence naming the line; no value is echoed in full.
 */
final class PlanFile {

  private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9]{1,16}");
  private static final List<String> REQUIRED = List.of("annee", "tgeo", "codegeo", "base");
  /** A plan line holds a few short codes: anything longer is not a plan file. */
  private static final int MAX_LINE_CHARS = 4_096;
  /** Twice the full plan (431,880): the list is held in memory. */
  private static final long MAX_ROWS = 1_000_000;
  // Where commons-csv says a malformed quoted cell starts, or where it noticed.
  private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");
  private static final Pattern AT_LINE = Pattern.compile("at line: (\\d+)");

  private PlanFile() {}

  static List<Combination> read(Path file) {
    String name = UserText.clip(file.toString());
    try (InputStream bytes = Files.newInputStream(file);
        BOMInputStream in = BOMInputStream.builder().setInputStream(bytes)
            .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get()) {
      if (in.getBOM() != null && !in.getBOM().equals(ByteOrderMark.UTF_8)) {
        throw new PlanException(name + " is UTF-16 text; save it as CSV UTF-8 (comma or semicolon separated)");
      }
      return read(new BufferedReader(new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8), name)), name);
    } catch (UncheckedIOException e) {
      throw problem(name, e.getCause());
    } catch (PlanException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      // commons-csv's own complaints about the file's shape
      throw new PlanException(name + ": " + UserText.clip(e.getMessage(), UserText.SHOWN * 2)
          + "; check that it is a CSV plan file");
    } catch (IOException e) {
      throw problem(name, e);
    }
  }

  private static List<Combination> read(BufferedReader reader, String name) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(reader)).setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
        .setAllowMissingColumnNames(true)
        .get();
    CSVParser parser = format.parse(reader);
    List<String> header = parser.getHeaderNames();
    checkHeader(name, header);
    List<Combination> out = new ArrayList<>();
    for (CSVRecord r : parser) {
      String where = name + " line " + parser.getCurrentLineNumber() + ": ";
      if (r.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (r.size() != header.size()) {
        throw new PlanException(where + r.size() + " cells where the header has " + header.size()
            + "; every line needs one cell per column");
      }
      if (out.size() >= MAX_ROWS) {
        throw new PlanException(name + " has more than " + MAX_ROWS + " lines; split it into several plans");
      }
      out.add(combination(where, header, r));
    }
    return out;
  }

  /** Semicolon when the header uses it (Excel in a French locale), comma otherwise. */
  private static char delimiter(BufferedReader reader) throws IOException {
    reader.mark(MAX_LINE_CHARS + 1);
    char[] start = new char[MAX_LINE_CHARS];
    int n = reader.read(start);
    reader.reset();
    String first = n <= 0 ? "" : new String(start, 0, n).lines().findFirst().orElse("");
    return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
  }

  private static void checkHeader(String name, List<String> header) {
    String where = name + " line 1: ";
    for (String column : REQUIRED) {
      if (!header.contains(column)) {
        throw new PlanException(where + "missing column '" + column + "' (the header needs " + String.join(",", REQUIRED)
            + ", separated by commas or semicolons)");
      }
    }
    Set<String> seen = new HashSet<>();
    for (String column : header) {
      if (column.isBlank()) {
        continue;
      }
      if (!REQUIRED.contains(column) && !Catalogue.GROUPING_FIELDS.contains(column)) {
        throw new PlanException(where + "unknown column '" + UserText.clip(column) + "'; the columns are "
            + String.join(",", REQUIRED) + " and optionally " + String.join(",", Catalogue.GROUPING_FIELDS));
      }
      if (!seen.add(column)) {
        throw new PlanException(where + "column '" + column + "' appears twice; keep one");
      }
    }
  }

  private static Combination combination(String where, List<String> header, CSVRecord r) {
    List<String> values = new ArrayList<>();
    for (String column : REQUIRED) {
      values.add(safe(where, column, r.get(column)));
    }
    String field = "";
    String code = "";
    for (int i = 0; i < header.size(); i++) {
      String column = header.get(i);
      String value = r.get(i).strip();
      if (column.isBlank() && !value.isEmpty()) {
        throw new PlanException(where + "a value in a column without a name; remove it or name the column");
      }
      if (Catalogue.GROUPING_FIELDS.contains(column) && !value.isEmpty()) {
        if (!field.isEmpty()) {
          throw new PlanException(where + "two groupings (" + field + " and " + column + "); the site applies one, so give one per line");
        }
        field = column;
        code = safe(where, column, value);
      }
    }
    return new Combination(values.get(0), values.get(1), values.get(2), values.get(3), field, code);
  }

  private static String safe(String where, String column, String value) {
    String v = value == null ? "" : value.strip();
    if (!SAFE_CODE.matcher(v).matches()) {
      throw new PlanException(where + column + " '" + UserText.clip(v) + "' is not a code of 1 to 16 letters or digits");
    }
    return v;
  }

  private static PlanException problem(String name, IOException e) {
    if (e instanceof LineTooLong) {
      return new PlanException(e.getMessage());
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("EOF reached before encapsulated token finished")) {
      Matcher start = START_LINE.matcher(message);
      String line = start.find() ? " line " + start.group(1) : "";
      return new PlanException(name + line + ": a quoted cell is not closed; close the quote (\"), or remove it");
    }
    if (message.toLowerCase(java.util.Locale.ROOT).contains("between encapsulated token and delimiter")) {
      Matcher start = AT_LINE.matcher(message);
      String line = start.find() ? " line " + start.group(1) : "";
      return new PlanException(name + line + ": text after a closing quote; quote the whole cell, or remove the quotes");
    }
    return new PlanException("cannot read the plan file " + name + "; check that it is a readable CSV file");
  }

  /** Too long a line: refused before it is held in memory. */
  private static final class LineTooLong extends IOException {
    LineTooLong(String message) {
      super(message);
    }
  }

  /** Counts lines as characters pass, and refuses a line longer than {@link #MAX_LINE_CHARS}. */
  private static final class BoundedLines extends FilterReader {
    private final String name;
    private long lines = 1;
    private long sinceNewline;

    BoundedLines(Reader in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = 0; i < n; i++) {
        count(buffer[offset + i]);
      }
      return n;
    }

    private void count(char c) throws LineTooLong {
      if (c == '\n') {
        lines++;
        sinceNewline = 0;
      } else if (++sinceNewline > MAX_LINE_CHARS) {
        throw new LineTooLong(name + " line " + lines + " is longer than " + MAX_LINE_CHARS
            + " characters; a plan line holds a few short codes");
      }
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
