package io.github.scansante.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder is the user's: only this project's temporary files are cleaned, and no write follows a link. */
class OwnFilesTest {

  @TempDir
  Path dir;
  private Path out;
  private Path elsewhere;
  private OwnFiles files;

  @BeforeEach
  void folders() throws IOException {
    out = Files.createDirectories(dir.resolve("out"));
    elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    files = new OwnFiles(out);
  }

  @Test
  void a_file_is_replaced_whole_and_no_temporary_file_stays() throws IOException {
    Path target = out.resolve("a/b/report.html");
    files.replaceText(target, "first");
    files.replaceText(target, "second");
    assertEquals("second", Files.readString(target));
    assertEquals(List.of(), temporaries());
  }

  @Test
  void a_failing_body_leaves_the_previous_file_and_no_temporary() throws IOException {
    Path target = out.resolve("runs.csv");
    files.replaceText(target, "before");
    IOException e = assertThrows(IOException.class, () -> files.replace(target, o -> {
      o.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("before", Files.readString(target));
    assertEquals(List.of(), temporaries());
  }

  @Test
  void foreign_temporary_files_survive_a_sweep_and_recorded_leftovers_go() throws IOException {
    Path download = Files.createDirectories(out.resolve("Downloads")).resolve("ubuntu.iso.part");
    Path lookalike = out.resolve("Downloads/notes.txt" + OwnFiles.TEMP_SUFFIX);
    Files.writeString(download, "the user's");
    Files.writeString(lookalike, "the user's too");
    // A run killed between recording and moving: the log names the file, which is still there.
    Files.createDirectories(out.resolve("01"));
    Path leftover = Files.writeString(out.resolve("01/x.csv.00112233aabbccdd" + OwnFiles.TEMP_SUFFIX), "half a fi");
    appendToLog("\n01/x.csv.00112233aabbccdd" + OwnFiles.TEMP_SUFFIX + "\n");

    assertEquals(1, files.sweepTemporaryFiles());
    assertFalse(Files.exists(leftover));
    assertEquals("the user's", Files.readString(download));
    assertEquals("the user's too", Files.readString(lookalike));
    assertEquals("", Files.readString(log()), "the log is emptied");
    assertEquals(0, files.sweepTemporaryFiles());
  }

  @Test
  void recorded_names_outside_the_output_or_without_the_suffix_are_ignored() throws IOException {
    Path outside = Files.writeString(elsewhere.resolve("keep" + OwnFiles.TEMP_SUFFIX), "outside");
    Path plain = Files.writeString(out.resolve("keep.csv"), "a data file");
    Files.createSymbolicLink(out.resolve("linked"), elsewhere);
    appendToLog("\n../elsewhere/keep" + OwnFiles.TEMP_SUFFIX + "\n" + outside + "\n\nkeep.csv\n"
        + "linked/keep" + OwnFiles.TEMP_SUFFIX + "\n");
    assertEquals(0, files.sweepTemporaryFiles());
    assertEquals("outside", Files.readString(outside));
    assertEquals("a data file", Files.readString(plain));
  }

  @Test
  void a_torn_last_line_of_the_log_is_tolerated() throws IOException {
    Path leftover = Files.writeString(out.resolve("a.csv.0000000000000001" + OwnFiles.TEMP_SUFFIX), "half");
    Path torn = Files.writeString(out.resolve("b.csv.00000000000000"), "not ours");
    appendToLog("\n" + out.relativize(leftover) + "\n\nb.csv.00000000000000");
    // The next record is a line of its own, not glued to the torn one.
    files.replace(out.resolve("c.csv"), o -> {
      List<String> lines = List.of(Files.readString(log()).split("\n"));
      try (Stream<Path> all = Files.list(out)) {
        List<String> temps = all.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("c.csv.")).toList();
        assertEquals(1, temps.size(), temps.toString());
        assertTrue(lines.contains(temps.get(0)), lines.toString());
      }
      o.write('c');
    });

    assertEquals(1, files.sweepTemporaryFiles());
    assertFalse(Files.exists(leftover));
    assertEquals("not ours", Files.readString(torn));
    assertEquals("c", Files.readString(out.resolve("c.csv")));
  }

  @Test
  void a_link_at_the_target_is_replaced_not_followed() throws IOException {
    Path theirs = Files.writeString(elsewhere.resolve("runs.csv"), "someone else's");
    Path link = Files.createSymbolicLink(out.resolve("runs.csv"), theirs);
    files.replaceText(link, "ours");
    assertEquals("someone else's", Files.readString(theirs));
    assertFalse(Files.isSymbolicLink(link));
    assertEquals("ours", Files.readString(link));
  }

  @Test
  void a_dangling_link_at_the_target_creates_nothing_outside() throws IOException {
    Path nowhere = elsewhere.resolve("run.properties");
    Files.createDirectories(out.resolve(".scansante"));
    Path link = Files.createSymbolicLink(out.resolve(".scansante/run.properties"), nowhere);
    files.replaceText(link, "id=1");
    assertFalse(Files.exists(nowhere, LinkOption.NOFOLLOW_LINKS));
    assertEquals("id=1", Files.readString(link));
  }

  @Test
  void a_linked_subfolder_is_refused_and_nothing_is_written_through_it() throws IOException {
    Files.createSymbolicLink(out.resolve("01_France_entiere"), elsewhere);
    IOException e = assertThrows(IOException.class,
        () -> files.replaceText(out.resolve("01_France_entiere/A/2024.csv"), "data"));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertThrows(IOException.class, () -> files.append(out.resolve("01_France_entiere/log.txt")).close());
    try (Stream<Path> inside = Files.list(elsewhere)) {
      assertEquals(List.of(), inside.toList());
    }
  }

  @Test
  void a_target_outside_the_output_is_refused() {
    IOException e = assertThrows(IOException.class, () -> files.replaceText(out.resolve("../elsewhere/x.csv"), "data"));
    assertTrue(e.getMessage().contains("not inside the output folder"), e.getMessage());
    assertFalse(Files.exists(elsewhere.resolve("x.csv")));
  }

  @Test
  void append_creates_and_appends_but_never_through_a_link() throws IOException {
    Path own = out.resolve(".scansante/journal.csv");
    try (OutputStream o = files.append(own)) {
      o.write("a\n".getBytes(StandardCharsets.UTF_8));
    }
    try (OutputStream o = files.append(own)) {
      o.write("b\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("a\nb\n", Files.readString(own));

    Path theirs = Files.writeString(elsewhere.resolve("runs.csv"), "theirs\n");
    Path link = Files.createSymbolicLink(out.resolve("runs.csv"), theirs);
    IOException e = assertThrows(IOException.class, () -> files.append(link).close());
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertEquals("theirs\n", Files.readString(theirs));

    Path dangling = Files.createSymbolicLink(out.resolve("dead-letter.log"), elsewhere.resolve("dead-letter.log"));
    assertThrows(IOException.class, () -> files.append(dangling).close());
    assertFalse(Files.exists(elsewhere.resolve("dead-letter.log")));
  }

  @Test
  void a_file_written_by_name_is_moved_into_place() throws IOException {
    Path target = out.resolve("scansante_master.parquet");
    files.replaceFile(target, temporary -> Files.writeString(temporary, "PAR1"));
    assertEquals("PAR1", Files.readString(target));
    assertThrows(IOException.class, () -> files.replaceFile(target, temporary -> { }));
    assertEquals("PAR1", Files.readString(target));
    assertEquals(List.of(), temporaries());
  }

  private Path log() {
    return out.resolve(".scansante").resolve(OwnFiles.TEMP_LOG);
  }

  private void appendToLog(String text) throws IOException {
    Files.createDirectories(log().getParent());
    Files.writeString(log(), Files.exists(log()) ? Files.readString(log()) + text : text);
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> all = Files.walk(out)) {
      return all.filter(p -> p.getFileName().toString().endsWith(OwnFiles.TEMP_SUFFIX)).toList();
    }
  }
}
