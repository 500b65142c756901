package io.github.scansante.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users type: {@code 2s}, {@code 500ms}, {@code 1m}, {@code 0}. */
final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  private Durations() {}

  static long toMillis(String text, String option) {
    Matcher m = DURATION.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new UsageException(option + " must be a duration such as 2s, 500ms or 1m, not '" + text + "'");
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? (value == 0 ? "ms" : "") : m.group(2);
    double factor = switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> throw new UsageException(option + " needs a unit (ms, s, m, h): '" + text + "'");
    };
    return Math.round(value * factor);
  }
}
