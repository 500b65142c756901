package io.github.scansante.output;

import java.util.regex.Pattern;

/**
 * Keeps a text cell from being run as a formula when a per-combination file is opened in a
 * spreadsheet (CSV injection, OWASP): a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, followed by more text, gets a leading single quote, which
 * Excel and LibreOffice show as text. Numbers as the site displays them ({@code -12},
 * {@code -3,5 %}, {@code +1 234}) are left as they are. The quote can be taken off again exactly:
 * a cell that already started with quotes before such text gets one more.
 */
public final class SpreadsheetText {

  private static final String TRIGGERS = "=+-@\t\r";
  private static final char QUOTE = '\'';
  /** A signed number in the site's display: spaces (also no-break) between thousands, decimal comma or dot, maybe a %. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d[\\d \\u00a0\\u202f]*(?:[.,]\\d+)?[ \\u00a0\\u202f]*%?");

  private SpreadsheetText() {}

  /** The cell as written to a per-combination file. */
  public static String neutralised(String cell) {
    return startsFormula(withoutQuotes(cell)) ? QUOTE + cell : cell;
  }

  /** The cell as the site displayed it, from a per-combination file. */
  public static String restored(String cell) {
    return !cell.isEmpty() && cell.charAt(0) == QUOTE && startsFormula(withoutQuotes(cell)) ? cell.substring(1) : cell;
  }

  private static boolean startsFormula(String text) {
    return text.length() > 1 && TRIGGERS.indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches();
  }

  private static String withoutQuotes(String cell) {
    int i = 0;
    while (i < cell.length() && cell.charAt(i) == QUOTE) {
      i++;
    }
    return cell.substring(i);
  }
}
