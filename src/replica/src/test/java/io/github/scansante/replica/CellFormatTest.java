package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cell formats match the site's, padding included. */
class CellFormatTest {

  @Test
  void countsAreRightAlignedInFortyWithSpaceThousands() {
    assertEquals(" ".repeat(37) + "572", CellFormat.count(572));
    assertEquals(" ".repeat(35) + "9 337", CellFormat.count(9337));
    assertEquals(" ".repeat(31) + "1 234 567", CellFormat.count(1_234_567));
    assertEquals(" ".repeat(39) + "0", CellFormat.count(0));
    assertEquals(" ".repeat(38) + "11", CellFormat.count(11));
  }

  @Test
  void oneToTenIsMaskedLeftAligned() {
    assertEquals("1 à 10" + " ".repeat(34), CellFormat.count(1));
    assertEquals("1 à 10" + " ".repeat(34), CellFormat.count(10));
    assertEquals(" ".repeat(39) + "7", CellFormat.total(7), "totals are never masked");
  }

  @Test
  void percentagesAndDecimalsRoundHalfUp() {
    assertEquals(" ".repeat(16) + "59,6 %", CellFormat.percent(596, 1000));
    assertEquals(" ".repeat(17) + "0,0 %", CellFormat.percent(0, 0));
    assertEquals(" ".repeat(15) + "100,0 %", CellFormat.percent(3, 3));
    assertEquals(" ".repeat(17) + "0,1 %", CellFormat.percent(1, 2000), "0.05 rounds up");
    assertEquals(" ".repeat(13) + "62,42", CellFormat.decimal(6242, 100));
    assertEquals(" ".repeat(14) + "2,80", CellFormat.decimal(28, 10));
    assertEquals(" ".repeat(14) + "0,67", CellFormat.decimal(2, 3));
    assertEquals(" ".repeat(14) + "0,00", CellFormat.decimal(5, 0));
  }
}
