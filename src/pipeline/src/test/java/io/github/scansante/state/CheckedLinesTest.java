package io.github.scansante.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckedLinesTest {

  @TempDir Path dir;

  @Test
  void whole_lines_read_back_exactly_and_every_cut_of_the_last_one_is_detected() throws IOException {
    List<String> first = List.of("2024", "a \"quoted\", cell", "");
    List<String> second = List.of("2025", "été", "x,y");
    String whole = CheckedLines.headerLine(List.of("a", "b", "c")) + CheckedLines.line(first) + CheckedLines.line(second);
    Path file = dir.resolve("f.csv");
    Files.writeString(file, whole);
    CheckedLines.Content content = CheckedLines.read(file);
    assertEquals(List.of("a", "b", "c"), content.header());
    assertEquals(List.of(first, second), content.records());
    assertFalse(content.needsRepair());

    int secondStart = whole.length() - CheckedLines.line(second).length();
    for (int cut = secondStart + 1; cut < whole.length() - 1; cut++) {
      Files.writeString(file, whole.substring(0, cut));
      CheckedLines.Content torn = CheckedLines.read(file);
      assertEquals(List.of(first), torn.records(), "cut at " + cut);
      assertEquals(1, torn.torn(), "cut at " + cut);
      assertTrue(torn.needsRepair());
    }
  }

  @Test
  void a_line_end_inside_a_cell_keeps_the_record_on_one_line() {
    assertEquals(1, CheckedLines.line(List.of("a\nb", "c\r\nd")).chars().filter(c -> c == '\n').count());
  }

  @Test
  void an_absent_file_holds_nothing() {
    assertEquals(CheckedLines.Content.NONE, CheckedLines.read(dir.resolve("none.csv")));
  }
}
