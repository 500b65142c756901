package io.github.scansante.page;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Comparison rules for criteria-echo lines: case, runs of whitespace and Unicode composition do not
 * count, since the site and the form do not agree on them.
 */
final class EchoText {

  private EchoText() {}

  static String normalize(String s) {
    return Whitespace.collapse(Normalizer.normalize(s, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
  }

  /** The first line that starts with {@code prefix}, as sent (not normalized). */
  static Optional<String> line(List<String> criteria, String prefix) {
    String wanted = normalize(prefix);
    return criteria.stream().filter(line -> normalize(line).startsWith(wanted)).findFirst();
  }

  /** The normalized text after the line's first colon; {@code ""} when it has none. */
  static String value(String line) {
    int colon = line.indexOf(':');
    return colon < 0 ? "" : normalize(line.substring(colon + 1));
  }
}
