package io.github.scansante.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scansante.report.ReportFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotalCheckTest {

  private static final String HC = "Nombre de séjours en hospit complète";
  private static final String HP = "Nombre de séjours en hospit partielle";
  private static final List<String> COLUMNS = List.of("Finess", "Raison Sociale", HC, HP, "% décès");

  private static ResultPage page(List<String> total, List<List<String>> rows) {
    return new ResultPage(List.of("Activité MCO"), COLUMNS, rows, total, "", "");
  }

  private static List<String> row(String finess, String hc, String hp) {
    return List.of(finess, "CH " + finess, hc, hp, "1,0 %");
  }

  private static List<String> total(String hc, String hp) {
    return List.of("", "Total", hc, hp, "1,3 %");
  }

  @Test
  void rows_that_add_up_are_ok() {
    ResultPage page = page(total("1 300", "9 010"),
        List.of(row("010007987", "1 200", "9 000"), row("2A0000123", "100", "10")));
    assertEquals("ok", TotalCheck.check(page));
  }

  @Test
  void a_shortfall_within_the_masked_range_is_ok_and_says_so() {
    ResultPage page = page(total("1 203", "9 010"),
        List.of(row("010007987", "1 200", "9 000"), row("010008407", "1 à 10", "10"), row("2A0000123", "1 à 10", "0")));
    assertEquals("ok (masked gap 3 within 2-20 for " + HC + ")", TotalCheck.check(page));
  }

  @Test
  void a_gap_beyond_what_masking_can_hide_is_a_mismatch() {
    ResultPage page = page(total("1 300", "9 010"),
        List.of(row("010007987", "1 200", "9 000"), row("010008407", "1 à 10", "10"), row("2A0000123", "1 à 10", "0")));
    assertEquals("mismatch: " + HC + " rows 1200 vs total 1300 (masked 2 cells: at most 20)", TotalCheck.check(page));
  }

  @Test
  void known_rows_that_leave_no_room_for_the_masked_ones_are_a_mismatch() {
    ResultPage page = page(total("1 200", "9 000"), List.of(row("010007987", "1 200", "9 000"), row("010008407", "1 à 10", "0")));
    assertEquals("mismatch: " + HC + " rows 1200 vs total 1200 (masked 1 cells: at least 1)", TotalCheck.check(page));
  }

  @Test
  void an_unmasked_mismatch_names_every_column_that_disagrees() {
    ResultPage page = page(total("1 201", "9 001"), List.of(row("010007987", "1 200", "9 000")));
    assertEquals("mismatch: " + HC + " rows 1200 vs total 1201; " + HP + " rows 9000 vs total 9001", TotalCheck.check(page));
  }

  @Test
  void a_column_whose_total_is_na_is_named_when_others_are_checked() {
    ResultPage page = page(total("1 200", "NA"), List.of(row("010007987", "1 200", "9 000")));
    assertEquals("ok (total NA for " + HP + ")", TotalCheck.check(page));
  }

  @Test
  void the_real_page_has_na_totals_so_nothing_can_be_checked() {
    assertEquals("n/a (total NA)", TotalCheck.check(ReportFixtures.page(ReportFixtures.FRANCE_2024_PUBLIC)));
  }

  @Test
  void the_real_total_only_page_adds_up_to_its_zeros() {
    assertEquals("ok", TotalCheck.check(ReportFixtures.page(ReportFixtures.EMPTY_TOTAL_ONLY)));
  }

  @Test
  void a_table_without_total_row_cannot_be_checked() {
    assertEquals("n/a (no Total row)", TotalCheck.check(page(List.of(), List.of(row("010007987", "1", "2")))));
  }
}
