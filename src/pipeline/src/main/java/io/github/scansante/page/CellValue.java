package io.github.scansante.page;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One numeric cell of a ScanSanté table, read from its French display form. Nothing is ever
 * imputed: a masked or missing cell has no number.
 *
 * <ul>
 *   <li>{@code "21 687"} → {@link Kind#INTEGER} 21687 (the thousands separator may be a space, a
 *       non-breaking or a narrow no-break space);
 *   <li>{@code "52,27"} → {@link Kind#DECIMAL} 52.27;
 *   <li>{@code "49,9 %"} → {@link Kind#PROPORTION} 0.499: percentages become proportions from 0 to
 *       1, so that analysts never have to remember which columns are scaled by 100;
 *   <li>{@code "1 à 10"} → {@link Kind#MASKED}, no number, bounds 1 and 10 (statistical secrecy:
 *       the site hides counts below 11);
 *   <li>{@code "NA"} or {@code ""} → {@link Kind#MISSING}.
 * </ul>
 *
 * @param kind what the cell held
 * @param number the value, exact; {@code null} when masked or missing
 * @param bounds the range a masked count lies in; {@code null} unless masked
 */
public record CellValue(Kind kind, BigDecimal number, Bounds bounds) {

  /** The forms a numeric cell takes on the site. */
  public enum Kind { INTEGER, DECIMAL, PROPORTION, MASKED, MISSING }

  /** The inclusive range of a masked count, as the site states it. */
  public record Bounds(long low, long high) {}

  /** How the site writes "not available" (in the Total row). */
  public static final String NOT_AVAILABLE = "NA";

  private static final int PERCENT_SCALE = 2;
  // \h: the site pads numbers with plain, non-breaking (U+00A0) or narrow no-break (U+202F) spaces.
  private static final String DIGITS = "(-?\\d{1,3}(?:\\h?\\d{3})*)";
  private static final Pattern INTEGER = Pattern.compile(DIGITS);
  private static final Pattern DECIMAL = Pattern.compile(DIGITS + ",(\\d+)");
  private static final Pattern PERCENT = Pattern.compile(DIGITS + "(?:,(\\d+))?\\h*%");
  private static final Pattern MASKED = Pattern.compile("(\\d+)\\h*à\\h*(\\d+)");
  private static final Pattern PADDING = Pattern.compile("^[\\h\\s]+|[\\h\\s]+$");
  private static final Pattern GROUP_SEPARATOR = Pattern.compile("\\h");

  public CellValue {
    Objects.requireNonNull(kind, "kind");
    if ((number == null) != (kind == Kind.MASKED || kind == Kind.MISSING) || (bounds == null) != (kind != Kind.MASKED)) {
      throw new IllegalArgumentException("inconsistent cell value: " + kind + " " + number + " " + bounds);
    }
  }

  /**
   * Reads a cell as displayed.
   *
   * @throws IllegalArgumentException when the text is none of the known forms: an unknown form is
   *     a change of the site, not something to guess about
   */
  public static CellValue parse(String displayed) {
    String text = PADDING.matcher(displayed == null ? "" : displayed).replaceAll("");
    if (text.isEmpty() || text.equals(NOT_AVAILABLE)) {
      return new CellValue(Kind.MISSING, null, null);
    }
    Matcher m;
    if ((m = INTEGER.matcher(text)).matches()) {
      return new CellValue(Kind.INTEGER, decimal(m.group(1), null), null);
    }
    if ((m = DECIMAL.matcher(text)).matches()) {
      return new CellValue(Kind.DECIMAL, decimal(m.group(1), m.group(2)), null);
    }
    if ((m = PERCENT.matcher(text)).matches()) {
      return new CellValue(Kind.PROPORTION, decimal(m.group(1), m.group(2)).movePointLeft(PERCENT_SCALE), null);
    }
    if ((m = MASKED.matcher(text)).matches()) {
      long low = Long.parseLong(m.group(1));
      long high = Long.parseLong(m.group(2));
      if (low > high) {
        throw new IllegalArgumentException("masked range is reversed: '" + displayed + "'");
      }
      return new CellValue(Kind.MASKED, null, new Bounds(low, high));
    }
    throw new IllegalArgumentException("not a ScanSanté number, masked range or NA: '" + displayed + "'");
  }

  public boolean isMasked() {
    return kind == Kind.MASKED;
  }

  public boolean isMissing() {
    return kind == Kind.MISSING;
  }

  /** Exact arithmetic: BigDecimal keeps "49,9 %" as 0.499, where a double would not. */
  private static BigDecimal decimal(String integerPart, String fraction) {
    String digits = GROUP_SEPARATOR.matcher(integerPart).replaceAll("");
    return new BigDecimal(fraction == null ? digits : digits + "." + fraction);
  }
}
