package io.github.scansante.page;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Comparison rules for criteria-echo lines and labels: case, accents, runs of white space and
 * punctuation do not count, since the site, its form and the catalogue do not agree on them
 * ("Publics & PSPH", "publics et PSPH" differ in a word and do not match; "C - Chirurgie" and
 * "c chirurgie" do).
 */
public final class EchoText {

  private EchoText() {}

  static String normalize(String s) {
    return Whitespace.collapse(Normalizer.normalize(s, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
  }

  /** The words of a text, lower case, without accents, separated by one space. */
  public static String words(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean gap = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      // Accents go; so do dots, which abbreviate ("P.S.P.H.") rather than separate.
      if (Character.getType(c) == Character.NON_SPACING_MARK || c == '.') {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.append(Character.toLowerCase(c));
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** Whether two labels say the same words. */
  public static boolean sameWords(String a, String b) {
    return words(a).equals(words(b));
  }

  /** The first line that starts with {@code prefix}'s words, as sent (not normalized). */
  static Optional<String> line(List<String> criteria, String prefix) {
    String wanted = words(prefix);
    return criteria.stream().filter(line -> startsWithWords(words(line), wanted)).findFirst();
  }

  private static boolean startsWithWords(String text, String prefix) {
    return text.startsWith(prefix) && (text.length() == prefix.length() || text.charAt(prefix.length()) == ' ');
  }

  /** The normalized text after the line's first colon; {@code ""} when it has none. */
  static String value(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? "" : normalize(line.substring(colon + 1));
  }
}
