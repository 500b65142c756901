package io.github.scansante.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file written one record at a time, each line ending with the CRC-32 of the rest of it, so
 * that a line torn by kill -9 or a power cut is told apart from a whole one: it is dropped (and
 * counted), never read as data nor glued to the next record. The first line is the header.
 */
public final class CheckedLines {

  public static final String CHECKSUM_COLUMN = "crc32";
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  /** What a file held: its header (without the checksum column), its whole records, and how many lines were torn. */
  public record Content(List<String> header, List<List<String>> records, int torn, boolean endsCleanly) {

    public static final Content NONE = new Content(List.of(), List.of(), 0, true);

    /** Whether rewriting the file would change it: a torn line or a missing final line end. */
    public boolean needsRepair() {
      return torn > 0 || !endsCleanly;
    }
  }

  private CheckedLines() {}

  public static String headerLine(List<String> header) {
    List<String> cells = new ArrayList<>(header);
    cells.add(CHECKSUM_COLUMN);
    return CSV.format(cells.toArray()) + "\n";
  }

  /** One record as one checked line; line ends inside cells become spaces so that a record stays one line. */
  public static String line(List<String> cells) {
    List<String> flat = cells.stream().map(c -> c == null ? "" : c.replace('\r', ' ').replace('\n', ' ')).toList();
    String text = CSV.format(flat.toArray());
    return text + "," + crc(text) + "\n";
  }

  /** A symbolic link where the file should be is not read through: the file is not there. */
  public static Content read(Path file) {
    if (Files.isSymbolicLink(file)) {
      return Content.NONE;
    }
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
      return parse(lines, endsWithLineEnd(file));
    } catch (NoSuchFileException e) {
      return Content.NONE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static Content parse(BufferedReader lines, boolean endsCleanly) throws IOException {
    List<String> header = List.of();
    List<List<String>> records = new ArrayList<>();
    int torn = 0;
    String line;
    boolean first = true;
    while ((line = lines.readLine()) != null) {
      if (first) {
        first = false;
        List<String> cells = cells(line);
        if (cells != null && !cells.isEmpty() && cells.get(cells.size() - 1).equals(CHECKSUM_COLUMN)) {
          header = List.copyOf(cells.subList(0, cells.size() - 1));
          continue;
        }
      }
      List<String> checked = checked(line);
      if (checked == null) {
        torn++;
      } else {
        records.add(checked);
      }
    }
    return new Content(header, records, torn, endsCleanly);
  }

  private static boolean endsWithLineEnd(Path file) throws IOException {
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      if (channel.size() == 0) {
        return true;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      channel.position(channel.size() - 1).read(last);
      return last.get(0) == '\n';
    }
  }

  /** The record a line holds if its checksum matches, else null. */
  private static List<String> checked(String line) {
    int comma = line.lastIndexOf(',');
    if (comma < 0) {
      return null;
    }
    String text = line.substring(0, comma);
    if (!crc(text).equals(line.substring(comma + 1))) {
      return null;
    }
    return cells(text);
  }

  private static List<String> cells(String text) {
    try {
      List<CSVRecord> records = CSV.parse(new StringReader(text)).getRecords();
      return records.size() == 1 ? records.get(0).toList() : null;
    } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  private static String crc(String text) {
    CRC32 crc = new CRC32();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }
}
