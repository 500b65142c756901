package io.github.scansante.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.page.CellValue.Bounds;
import io.github.scansante.page.CellValue.Kind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellValueTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "21 687|21687",
      "21\u00A0687|21687",
      "21\u202F687|21687",
      "1 234 567|1234567",
      "572|572",
      "0|0",
      "' 9 337 '|9337",
  })
  void counts_lose_their_thousands_separators(String shown, long expected) {
    CellValue v = CellValue.parse(shown);
    assertEquals(Kind.INTEGER, v.kind());
    assertEquals(expected, v.number().longValueExact());
  }

  @Test
  void decimals_take_a_dot_and_keep_their_exact_value() {
    CellValue v = CellValue.parse("52,27");
    assertEquals(Kind.DECIMAL, v.kind());
    assertEquals(new BigDecimal("52.27"), v.number());
    assertEquals(new BigDecimal("1234.5"), CellValue.parse("1 234,5").number());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"49,9 %|0.499", "49,9\u00A0%|0.499", "100 %|1", "0,0 %|0.000", "1,4 %|0.014"})
  void percentages_become_exact_proportions(String shown, String expected) {
    CellValue v = CellValue.parse(shown);
    assertEquals(Kind.PROPORTION, v.kind());
    assertEquals(0, new BigDecimal(expected).compareTo(v.number()), () -> v.number().toPlainString());
  }

  @Test
  void a_masked_count_has_no_number_only_the_range_the_site_states() {
    CellValue v = CellValue.parse("1 à 10");
    assertTrue(v.isMasked());
    assertNull(v.number());
    assertEquals(new Bounds(1, 10), v.bounds());
    assertEquals(new Bounds(1, 5), CellValue.parse("1\u00A0à\u00A05").bounds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NA", "", "  ", "\u00A0"})
  void na_and_blank_are_missing_not_zero(String shown) {
    CellValue v = CellValue.parse(shown);
    assertTrue(v.isMissing());
    assertNull(v.number());
    assertNull(v.bounds());
    assertFalse(v.isMasked());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "12 34", "52.27", "1,2,3", "10 à 1", "N/A", "12 %%"})
  void anything_else_is_refused_rather_than_guessed(String shown) {
    assertThrows(IllegalArgumentException.class, () -> CellValue.parse(shown));
  }
}
