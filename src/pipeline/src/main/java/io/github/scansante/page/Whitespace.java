package io.github.scansante.page;

/**
 * Whitespace as the site pads it: ASCII spaces and newlines, but also non-breaking spaces, which
 * {@link String#strip()} does not remove.
 */
final class Whitespace {

  private Whitespace() {}

  static boolean isPadding(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Removes padding at both ends, leaving inner spacing untouched. */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isPadding(s.charAt(start))) {
      start++;
    }
    while (end > start && isPadding(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Trims, and turns every inner run of padding into one plain space. */
  static String collapse(String s) {
    String trimmed = trim(s);
    StringBuilder out = new StringBuilder(trimmed.length());
    boolean inRun = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (isPadding(c)) {
        inRun = true;
      } else {
        if (inRun) {
          out.append(' ');
          inRun = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
