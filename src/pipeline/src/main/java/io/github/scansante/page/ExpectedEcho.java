package io.github.scansante.page;

import java.util.Objects;

/**
 * What the server must restate in its criteria echo for a response to answer a request. Labels are
 * the ones the site's form shows, e.g. "Médecine" for {@code A50=M}, "C - Chirurgie" for {@code
 * CAS=C}, "D01 - Digestif" for {@code DA=D01}; they may contain colons.
 *
 * @param year the requested year, e.g. "2024"
 * @param zoneLabel e.g. "France Entière"
 * @param baseLabel e.g. "Publics et PSPH"
 * @param groupingLabel {@link #ALL_STAYS} for all stays, otherwise the grouping option's label
 */
public record ExpectedEcho(String year, String zoneLabel, String baseLabel, String groupingLabel) {

  /** The grouping label the site echoes for {@code typrgp=tous} (site contract). */
  public static final String ALL_STAYS = "Tous séjours/séances";

  public ExpectedEcho {
    requireText(year, "year");
    requireText(zoneLabel, "zoneLabel");
    requireText(baseLabel, "baseLabel");
    requireText(groupingLabel, "groupingLabel");
  }

  // A blank label would match any echo line that ends with a colon: refuse it up front.
  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
