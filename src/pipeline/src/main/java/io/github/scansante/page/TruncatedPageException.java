package io.github.scansante.page;

import java.io.IOException;

/**
 * The answer stopped before the page ended: a data table with no Total row, a table never closed,
 * or fewer bytes than the Content-Length announced. A cut is how a flaky connection or an
 * overloaded server fails, not what the page says, so it is an {@link IOException}: the request is
 * tried again like any transport failure, and only a page still cut on its last attempt is
 * dead-lettered as malformed.
 */
public class TruncatedPageException extends IOException {

  private static final long serialVersionUID = 1L;

  public TruncatedPageException(String reason) {
    super(reason);
  }

  public TruncatedPageException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /**
   * Whether the bytes open more {@code <table>} elements than they close. A parser closes what is
   * left open, so only the raw markup still shows where a body was cut mid-table (a cut mid-row
   * would otherwise read as a row with missing cells).
   */
  public static boolean hasUnterminatedTable(byte[] html) {
    int open = 0;
    for (int i = 0; i < html.length; i++) {
      if (html[i] != '<') {
        continue;
      }
      boolean closing = i + 1 < html.length && html[i + 1] == '/';
      int name = closing ? i + 2 : i + 1;
      if (isTableTag(html, name)) {
        open += closing ? -1 : 1;
      }
    }
    return open > 0;
  }

  private static final byte[] TABLE = {'t', 'a', 'b', 'l', 'e'};

  /** "table" at {@code at}, case-insensitively, followed by the end of the tag name. */
  private static boolean isTableTag(byte[] html, int at) {
    if (at + TABLE.length > html.length) {
      return false;
    }
    for (int k = 0; k < TABLE.length; k++) {
      if ((html[at + k] | 0x20) != TABLE[k]) {
        return false;
      }
    }
    if (at + TABLE.length == html.length) {
      return true; // the body ends in the tag's name: cut there
    }
    byte next = html[at + TABLE.length];
    return next == '>' || next == '/' || next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '\f';
  }
}
