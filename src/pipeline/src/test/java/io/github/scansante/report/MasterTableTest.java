package io.github.scansante.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterTableTest {

  private static final Combination ALL_2024 = Combination.allStays("2024", "fe", "99", "bpub");
  private static final Combination ALL_2023 = Combination.allStays("2023", "fe", "99", "bpub");
  private static final Combination MEDICINE_2024 = new Combination("2024", "fe", "99", "bpub", "A50", "M");
  private static final Combination PRIVATE_2024 = Combination.allStays("2024", "fe", "99", "bpri");
  private static final Combination REGION_2024 = Combination.allStays("2024", "re", "11", "bpub");
  private static final Combination LOST_2022 = Combination.allStays("2022", "fe", "99", "bpub");
  private static final List<String> COUNTS = List.of("sejours_total", "sejours_hc", "sejours_hp", "seances");
  private static final List<String> DECIMALS = List.of("sexe_ratio_homme", "age_moyen", "dms", "deces");
  private static final int FINESS_LENGTH = 9;

  @TempDir Path out;
  private OutputFolder folder;
  private String allStaysFile;
  private String medicineFile;

  @BeforeEach
  void aRunWithWrittenKeptRefusedAndLostCombinations() throws IOException {
    folder = new OutputFolder(out);
    allStaysFile = folder.data(ALL_2024, Outcome.DATA, OutputFolder.COLUMNS_12, List.of(
        List.of("CH", "010007987", "CH HAUTEVILLE-LOMPNES", "M12", "572", "497", "75", "0", "59,6 %", "62,42", "10,77", "15,9 %"),
        // Non-breaking and narrow no-break spaces, as the site sometimes sends them.
        List.of("CH", "010008407", "CH DU HAUT BUGEY", "M12", "9\u00A0337", "5\u202F816", "3 521", "578", "47,5 %", "52,15", "2,80", "1,4 %"),
        List.of("", "100013010", "", "", "1 794", "304", "1 490", "17", "50,1 %", "56,41", "0,49", "0,2 %"),
        // A file written with its Total row: the master must not take it for an establishment.
        List.of("", "", "Total", "", "NA", "NA", "NA", "NA", "48,3 %", "56,65", "2,15", "1,3 %")));
    medicineFile = folder.data(MEDICINE_2024, Outcome.DATA, OutputFolder.COLUMNS_11, List.of(
        List.of("CH", "2A0000123", "CH D'AJACCIO", "M12", "1 200", "1 195", "1 à 10", "61,0 %", "70,10", "5,31", "3,0 %"),
        List.of("CH", "010007987", "CH HAUTEVILLE-LOMPNES", "M12", "40", "40", "0", "55,0 %", "71,00", "12,00", "NA")));
    folder.data(ALL_2023, Outcome.UNCHANGED, OutputFolder.COLUMNS_12, List.of(
        List.of("CH", "010007987", "CH HAUTEVILLE-LOMPNES", "M12", "560", "490", "70", "0", "60,0 %", "62,00", "10,50", "16,0 %")));
    // A file left by an earlier run: this run's manifest says the combination was refused.
    String stale = folder.file(PRIVATE_2024, OutputFolder.COLUMNS_12, List.of(
        List.of("CLINIQUE", "690000001", "CLINIQUE FANTOME", "M12", "5", "5", "0", "0", "50,0 %", "40,00", "1,00", "0,0 %")));
    folder.manifestRow(PRIVATE_2024, Outcome.REFUSED, stale);
    folder.deadLetter(REGION_2024, Outcome.REFUSED, "Votre requête n'a pu aboutir");
    folder.manifestRow(LOST_2022, Outcome.DATA, "01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2022_tous_sejours.csv");
    folder.writeManifest();
  }

  @Test
  void one_row_per_establishment_of_the_written_and_kept_tables_only() throws IOException {
    List<Map<String, String>> rows = buildAndRead();
    assertEquals(3 + 2 + 1, rows.size());
    assertTrue(rows.stream().noneMatch(r -> r.get("raison_sociale").equals("Total") || r.get("finess").isEmpty()));
    assertTrue(rows.stream().noneMatch(r -> r.get("base").equals("bpri") || r.get("niveau_geo").equals("re")));
    assertTrue(rows.stream().noneMatch(r -> r.get("annee").equals("2022")));
    assertEquals(1, rows.stream().filter(r -> r.get("annee").equals("2023")).count(), "unchanged tables stay in");
  }

  @Test
  void numbers_are_typed_with_a_dot_and_no_separator() throws IOException {
    for (Map<String, String> r : buildAndRead()) {
      Integer.parseInt(r.get("annee"));
      COUNTS.stream().map(r::get).filter(v -> !v.isEmpty()).forEach(Long::parseLong);
      DECIMALS.stream().map(r::get).filter(v -> !v.isEmpty()).forEach(Double::parseDouble);
    }
    Map<String, String> bugey = row(buildAndRead(), "010008407", "tous");
    assertEquals("9337", bugey.get("sejours_total"));
    assertEquals("5816", bugey.get("sejours_hc"));
    assertEquals("2.8", bugey.get("dms"));
    Map<String, String> hauteville = row(buildAndRead(), "010007987", "tous");
    assertEquals("0.596", hauteville.get("sexe_ratio_homme"), "percentages are proportions");
    assertEquals("0.159", hauteville.get("deces"));
    assertEquals("62.42", hauteville.get("age_moyen"));
    assertEquals("0", hauteville.get("seances"));
  }

  @Test
  void masked_cells_are_empty_and_named_with_their_range() throws IOException {
    List<Map<String, String>> rows = buildAndRead();
    Map<String, String> ajaccio = row(rows, "2A0000123", "A50");
    assertEquals("", ajaccio.get("sejours_hp"));
    assertEquals("sejours_hp", ajaccio.get("masked_fields"));
    assertEquals("1", ajaccio.get("masked_low"));
    assertEquals("10", ajaccio.get("masked_high"));
    Map<String, String> hauteville = row(rows, "010007987", "A50");
    assertEquals("", hauteville.get("deces"), "NA is empty too");
    assertEquals("", hauteville.get("masked_fields"), "but NA is not masked");
    assertEquals("", hauteville.get("masked_low"));
  }

  @Test
  void finess_stays_nine_characters_with_its_leading_zero_and_letters() throws IOException {
    List<Map<String, String>> rows = buildAndRead();
    assertTrue(rows.stream().allMatch(r -> r.get("finess").length() == FINESS_LENGTH));
    assertEquals("2A0000123", row(rows, "2A0000123", "A50").get("finess"));
    assertEquals("010007987", row(rows, "010007987", "tous").get("finess"));
  }

  @Test
  void the_11_column_tables_leave_seances_empty() throws IOException {
    List<Map<String, String>> rows = buildAndRead();
    assertTrue(rows.stream().filter(r -> r.get("regroupement").equals("A50")).allMatch(r -> r.get("seances").isEmpty()));
    assertEquals("1200", row(rows, "2A0000123", "A50").get("sejours_total"), "the columns after it do not shift");
    assertEquals("0.61", row(rows, "2A0000123", "A50").get("sexe_ratio_homme"));
  }

  @Test
  void each_row_says_what_it_is_and_where_it_came_from() throws IOException {
    Map<String, String> ajaccio = row(buildAndRead(), "2A0000123", "A50");
    assertEquals("fe", ajaccio.get("niveau_geo"));
    assertEquals("99", ajaccio.get("code_zone"));
    assertEquals("France Entière", ajaccio.get("zone"));
    assertEquals("Publics et PSPH", ajaccio.get("base_label"));
    assertEquals("M", ajaccio.get("code_regroupement"));
    assertEquals("Médecine", ajaccio.get("regroupement_label"));
    assertEquals(medicineFile, ajaccio.get("source_file"));
    assertEquals(OutputFolder.FETCHED_AT, ajaccio.get("fetched_at"));
    assertEquals(OutputFolder.SITE_UPDATED, ajaccio.get("site_updated"));
    Map<String, String> bugey = row(buildAndRead(), "010008407", "tous");
    assertEquals("", bugey.get("code_regroupement"));
    assertEquals("Tous séjours/séances", bugey.get("regroupement_label"));
    assertEquals(allStaysFile, bugey.get("source_file"));
  }

  @Test
  void the_file_is_plain_utf8_with_unix_line_ends_and_no_leftover() throws IOException {
    buildAndRead();
    byte[] bytes = Files.readAllBytes(out.resolve(MasterTable.FILE_NAME));
    assertEquals('a', bytes[0], "no BOM: the first header is 'annee'");
    assertFalse(new String(bytes, StandardCharsets.UTF_8).contains("\r"));
    try (Stream<Path> files = Files.list(out)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(OwnFiles.TEMP_SUFFIX)));
    }
  }

  @Test
  void an_unknown_column_fails_loudly_and_keeps_the_previous_master() throws IOException {
    buildAndRead();
    byte[] previous = Files.readAllBytes(out.resolve(MasterTable.FILE_NAME));
    OutputFolder changed = new OutputFolder(out);
    List<String> renamed = Stream.concat(OutputFolder.COLUMNS_11.stream(), Stream.of("Nombre de journées")).toList();
    changed.data(MEDICINE_2024, Outcome.DATA, renamed, List.of(
        List.of("CH", "2A0000123", "CH D'AJACCIO", "M12", "1 200", "1 195", "5", "61,0 %", "70,10", "5,31", "3,0 %", "12")));
    changed.writeManifest();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MasterTable(Catalogue.builtIn()).build(out));
    assertTrue(e.getMessage().contains("unknown column 'Nombre de journées'"), e.getMessage());
    assertTrue(e.getMessage().contains(medicineFile), e.getMessage());
    assertArrayEquals(previous, Files.readAllBytes(out.resolve(MasterTable.FILE_NAME)));
  }

  @Test
  void a_percentage_in_a_count_column_fails_loudly_with_file_and_line() throws IOException {
    OutputFolder odd = new OutputFolder(out);
    odd.data(ALL_2024, Outcome.DATA, OutputFolder.COLUMNS_12, List.of(
        List.of("CH", "010007987", "CH HAUTEVILLE-LOMPNES", "M12", "57,2 %", "497", "75", "0", "59,6 %", "62,42", "10,77", "15,9 %")));
    odd.writeManifest();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MasterTable(Catalogue.builtIn()).build(out));
    assertTrue(e.getMessage().contains(allStaysFile + " line 2, column sejours_total"), e.getMessage());
  }

  @Test
  void the_quote_that_neutralises_a_formula_in_a_data_file_is_not_in_the_master() throws IOException {
    OutputFolder quoted = new OutputFolder(out);
    quoted.data(ALL_2024, Outcome.DATA, OutputFolder.COLUMNS_12, List.of(
        List.of("CH", "010007987", "'=HYPERLINK(\"http://x\")", "M12", "572", "497", "75", "0", "59,6 %", "62,42", "10,77", "15,9 %"),
        List.of("CH", "010008407", "'quoted name", "M12", "9", "5", "3", "0", "47,5 %", "52,15", "2,80", "1,4 %")));
    quoted.writeManifest();
    List<Map<String, String>> rows = buildAndRead();
    assertEquals("=HYPERLINK(\"http://x\")", row(rows, "010007987", "tous").get("raison_sociale"));
    assertEquals("'quoted name", row(rows, "010008407", "tous").get("raison_sociale"));
  }

  private static Map<String, String> row(List<Map<String, String>> rows, String finess, String regroupement) {
    return rows.stream().filter(r -> r.get("finess").equals(finess) && r.get("regroupement").equals(regroupement)
        && r.get("annee").equals("2024")).findFirst().orElseThrow(() -> new AssertionError("no row " + finess + " " + regroupement));
  }

  private List<Map<String, String>> buildAndRead() throws IOException {
    new MasterTable(Catalogue.builtIn()).build(out);
    try (Reader r = Files.newBufferedReader(out.resolve(MasterTable.FILE_NAME), StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      assertEquals(MasterTable.HEADER, p.getHeaderNames());
      return p.getRecords().stream().map(CSVRecord::toMap).toList();
    }
  }
}
