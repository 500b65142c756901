package io.github.scansante.page;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a date written the French way, "22 juillet 2025" or "1er mars 2019", inside a text. */
final class FrenchDate {

  /** Month names without accents, in calendar order, so the index gives the month. */
  private static final List<String> MONTHS =
      List.of(
          "janvier", "fevrier", "mars", "avril", "mai", "juin",
          "juillet", "aout", "septembre", "octobre", "novembre", "decembre");

  private static final Pattern DATE =
      Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})(?:er)?\\s+(\\p{L}+)\\s+(\\d{4})(?!\\d)");

  private FrenchDate() {}

  static Optional<LocalDate> find(String text) {
    Matcher m = DATE.matcher(withoutAccents(text));
    while (m.find()) {
      int month = MONTHS.indexOf(m.group(2)) + 1;
      if (month > 0) {
        try {
          return Optional.of(
              LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))));
        } catch (DateTimeException e) {
          return Optional.empty(); // "31 février": the site wrote no real date
        }
      }
    }
    return Optional.empty();
  }

  // "août" and "aout", "décembre" and "decembre" all occur in French text: compare without accents.
  private static String withoutAccents(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
