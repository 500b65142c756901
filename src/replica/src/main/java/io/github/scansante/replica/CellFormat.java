package io.github.scansante.replica;

/**
 * The site's cell formats, padding included: counts right-aligned in 40 characters with a space
 * as thousands separator, masked counts ("1 à 10", fewer than 11) left-aligned in 40, percentages
 * in 22 ("59,6 %"), decimals in 18 ("62,42"). Rounding is half-up on exact integer ratios, so a
 * page is the same on every machine.
 */
final class CellFormat {

  /** What the site puts in an empty cell. */
  static final String BLANK = "\u00a0";
  static final String MASKED = "1 à 10";
  static final String NOT_AVAILABLE = "NA";

  private static final int COUNT_WIDTH = 40;
  private static final int PERCENT_WIDTH = 22;
  private static final int DECIMAL_WIDTH = 18;

  private CellFormat() {}

  /** A count as an establishment's row shows it: 1 to 10 are masked (statistical secrecy). */
  static String count(long n) {
    if (n >= 1 && n <= 10) {
      return MASKED + " ".repeat(COUNT_WIDTH - MASKED.length());
    }
    return total(n);
  }

  /** A count shown in full, as totals are. */
  static String total(long n) {
    return padLeft(grouped(n), COUNT_WIDTH);
  }

  /** {@code part / whole} as a percentage with one decimal; 0 when {@code whole} is 0. */
  static String percent(long part, long whole) {
    long tenths = whole == 0 ? 0 : divideHalfUp(part * 1000, whole);
    return padLeft(grouped(tenths / 10) + "," + tenths % 10 + " %", PERCENT_WIDTH);
  }

  /** {@code sum / count} with two decimals; 0 when {@code count} is 0. */
  static String decimal(long sum, long count) {
    long hundredths = count == 0 ? 0 : divideHalfUp(sum * 100, count);
    return padLeft(grouped(hundredths / 100) + "," + String.format("%02d", hundredths % 100), DECIMAL_WIDTH);
  }

  private static long divideHalfUp(long numerator, long denominator) {
    return (2 * numerator + denominator) / (2 * denominator);
  }

  private static String grouped(long n) {
    String digits = Long.toString(n);
    StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        sb.append(' ');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
