package io.github.scansante.cli;

import static io.github.scansante.cli.SettingsValidationTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan files as people save them (Excel, editors), and the one-line errors for broken ones. */
class PlanFileFormatsTest {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final List<String> EXPECTED = List.of("2024|fe|99|bpub|rgpGHM|A50|M", "2023|de|2A|bpri|tous||", "2 combinations");

  @Test
  void excel_in_a_french_locale_bom_semicolons_crlf_and_empty_trailing_columns(@TempDir Path dir) throws IOException {
    Path plan = write(dir, true, "annee;tgeo;codegeo;base;A50;;\r\n2024;fe;99;bpub;M;;\r\n2023;de;2A;bpri;;;\r\n;;;;;;\r\n");
    assertPlan(plan);
  }

  @Test
  void comma_separated_utf8_with_a_bom_and_quoted_cells(@TempDir Path dir) throws IOException {
    assertPlan(write(dir, true, "annee,tgeo,codegeo,base,A50\r\n\"2024\",fe,99,bpub,\"M\"\r\n2023, de ,2A,bpri,\r\n"));
  }

  @Test
  void comma_separated_without_a_bom_lf(@TempDir Path dir) throws IOException {
    assertPlan(write(dir, false, "annee,tgeo,codegeo,base,A50\n2024,fe,99,bpub,M\n\n2023,de,2A,bpri,\n"));
  }

  @Test
  void a_missing_file_a_folder_and_utf16_are_named_as_such(@TempDir Path dir) throws IOException {
    assertRefused(Cli.execute("plan", "--plan", dir.resolve("missing.csv").toString()),
        "no such plan file: " + dir.resolve("missing.csv"));
    assertRefused(Cli.execute("plan", "--plan", dir.toString()), dir + " is a folder; give the path of a CSV plan file");
    Path utf16 = dir.resolve("unicode.csv");
    try (OutputStream out = Files.newOutputStream(utf16)) {
      out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
      out.write("annee,tgeo,codegeo,base\r\n".getBytes(StandardCharsets.UTF_16LE));
    }
    assertRefused(Cli.execute("plan", "--plan", utf16.toString()), utf16 + " is UTF-16 text; save it as CSV UTF-8");
  }

  @Test
  void broken_files_are_one_line_naming_the_line(@TempDir Path dir) throws IOException {
    String header = "annee,tgeo,codegeo,base\n";
    assertError(dir, header + "2024,fe,99,bpub\n2023,fe,99,\"bpub\n", "line 3: a quoted cell is not closed; close the quote");
    assertError(dir, header + "2024,fe,99,\"bp\"ub\n", "line 2: text after a closing quote");
    assertError(dir, "annee,tgeo,codegeo,base,annee\n2024,fe,99,bpub,2024\n", "line 1: column 'annee' appears twice; keep one");
    assertError(dir, header + "2024,fe,99,bpub\n\n2023,fe,99,bpub,extra\n",
        "line 4: 5 cells where the header has 4; every line needs one cell per column");
    assertError(dir, header + "2024,fe,99\n", "line 2: 3 cells where the header has 4");
    assertError(dir, "annee,tgeo,codegeo,base,ASO\n", "line 1: unknown column 'ASO'; the columns are annee,tgeo,codegeo,base and optionally A50,CAS,DA,GP");
    assertError(dir, "annee;tgeo;base\n2024;fe;bpub\n", "line 1: missing column 'codegeo'");
    assertError(dir, "annee,tgeo,codegeo,base,A50,CAS\n2024,fe,99,bpub,M,C\n", "line 2: two groupings (A50 and CAS)");
  }

  @Test
  void a_huge_code_is_never_echoed_in_full(@TempDir Path dir) throws IOException {
    String code = "x".repeat(3_000);
    Path plan = Files.writeString(dir.resolve("long.csv"), "annee,tgeo,codegeo,base\n2024,fe,99," + code + "\n");
    Cli.Result r = Cli.execute("plan", "--plan", plan.toString());
    assertRefused(r, plan + " line 2: base '" + "x".repeat(80) + "… (3000 characters)' is not a code of 1 to 16 letters or digits");

    // 8 MB on one line: refused after the first few kilobytes, never held or echoed.
    Path huge = dir.resolve("huge.csv");
    try (OutputStream out = Files.newOutputStream(huge)) {
      out.write("annee,tgeo,codegeo,base\n2024,fe,99,".getBytes(StandardCharsets.US_ASCII));
      byte[] block = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 8; i++) {
        out.write(block);
      }
    }
    Cli.Result hugeResult = Cli.execute("run", "--site", "http://127.0.0.1:9", "--plan", huge.toString(),
        "--output", dir.resolve("out").toString());
    assertRefused(hugeResult, huge + " line 2 is longer than 4096 characters; a plan line holds a few short codes");
    assertTrue(hugeResult.err().length() < 400, hugeResult.err().length() + " characters");
  }

  private static void assertPlan(Path plan) {
    Cli.Result r = Cli.execute("plan", "--plan", plan.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(EXPECTED, r.out().lines().toList());
  }

  private static void assertError(Path dir, String content, String expected) throws IOException {
    Path plan = Files.writeString(dir.resolve("plan.csv"), content);
    assertRefused(Cli.execute("plan", "--plan", plan.toString()), plan + " " + expected);
  }

  private static Path write(Path dir, boolean bom, String content) throws IOException {
    Path plan = dir.resolve("plan.csv");
    try (OutputStream out = Files.newOutputStream(plan)) {
      if (bom) {
        out.write(UTF8_BOM);
      }
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return plan;
  }
}
