package io.github.scansante.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scansante.page.ResultPage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formula-like text is quoted in the per-combination files; numbers never are; the quote comes off exactly. */
class SpreadsheetTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', ignoreLeadingAndTrailingWhitespace = false, value = {
      "=HYPERLINK(\"http://x\";\"clic\")|'=HYPERLINK(\"http://x\";\"clic\")",
      "+33 CH|'+33 CH",
      "-CH Nord|'-CH Nord",
      "@SUM(A1)|'@SUM(A1)",
      "\tcmd|'\tcmd",
      "\r=1+1|'\r=1+1",
      "'=already quoted|''=already quoted",
      "-12|-12",
      "-3,5 %|-3,5 %",
      "+1 234|+1 234",
      "-21\u00a0687|-21\u00a0687",
      "-0.499|-0.499",
      "-|-",
      "=|=",
      "CH de Bourg-en-Bresse|CH de Bourg-en-Bresse",
      "1 à 10|1 à 10",
      "'quoted name|'quoted name",
      "\"\"|\"\""})
  void neutralises_formula_text_and_leaves_numbers(String shown, String written) {
    assertEquals(written, SpreadsheetText.neutralised(shown));
    assertEquals(shown, SpreadsheetText.restored(written), "the quote comes off exactly");
  }

  @Test
  void the_data_file_rows_quote_formula_cells_only() {
    ResultPage page = new ResultPage(List.of(), List.of("Finess", "Raison Sociale", "Evolution"),
        List.of(List.of("010007987", "=HYPERLINK(\"http://evil\")", "-3,5 %"), List.of("010008407", "@CH", "-12")),
        List.of("", "Total", "1"), "", "");
    List<Map<Integer, String>> rows = new CsvTable().rows(page);
    assertEquals(List.of("Finess", "Raison Sociale", "Evolution"), List.copyOf(rows.get(0).values()));
    assertEquals(List.of("010007987", "'=HYPERLINK(\"http://evil\")", "-3,5 %"), List.copyOf(rows.get(1).values()));
    assertEquals(List.of("010008407", "'@CH", "-12"), List.copyOf(rows.get(2).values()));
  }
}
