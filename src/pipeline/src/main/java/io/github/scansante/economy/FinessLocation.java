package io.github.scansante.economy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The department an establishment is located in, read from its 9-character FINESS number: the
 * first two characters in metropolitan France ({@code 75…}, {@code 2A…}), three overseas. Overseas
 * numbers are written either with the department's three digits ({@code 971…}) or as {@code 970}
 * followed by the department's last digit ({@code 9701…} for 971): both are read, and the site's own
 * zone tables check the result before any derived table is trusted.
 */
public final class FinessLocation {

  private static final Pattern FINESS = Pattern.compile("[0-9]{2}[0-9A-Z]{7}|2[AB][0-9A-Z]{7}");
  private static final String OVERSEAS = "97";
  private static final char OVERSEAS_INFIX = '0';

  private FinessLocation() {}

  public static Optional<String> department(String finess) {
    String f = finess == null ? "" : finess.strip().toUpperCase(Locale.ROOT);
    if (!FINESS.matcher(f).matches()) {
      return Optional.empty();
    }
    if (!f.startsWith(OVERSEAS)) {
      return Optional.of(f.substring(0, 2));
    }
    return f.charAt(2) == OVERSEAS_INFIX
        ? Optional.of(OVERSEAS + f.charAt(3))
        : Optional.of(f.substring(0, 3));
  }
}
