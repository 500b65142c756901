package io.github.scansante.replica;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How the replica answers region and department tables. By default a zone's table lists the
 * establishments located in the zone with the national table's figures, which is what a client
 * deriving zone tables from national ones relies on; the other modes let it prove that it checks:
 * <ul>
 *   <li>{@code refused}: every zone query is refused, as the real site did for the previous tool;
 *   <li>{@code count-differently:2023} (years joined by {@code +}): the zone tables of these years
 *       count one more full-hospitalisation stay for every establishment than the national table.
 * </ul>
 *
 * @param refused every region and department query is refused
 * @param differingYears the years whose zone tables do not match the national rows
 */
public record ZoneAnswers(boolean refused, Set<String> differingYears) {

  public static final ZoneAnswers AS_NATIONAL = new ZoneAnswers(false, Set.of());
  private static final String REFUSED = "refused";
  private static final String DIFFERENT = "count-differently:";
  private static final String NATIONAL = "fe";
  /** What a differing zone table adds to each establishment's figures. */
  private static final Figures ONE_MORE_STAY = new Figures(1, 0, 0, 0, 0, 0, 0);

  public ZoneAnswers {
    differingYears = Set.copyOf(differingYears);
  }

  /** @throws IllegalArgumentException naming the accepted forms */
  public static ZoneAnswers parse(String spec) {
    String s = spec.strip();
    if (s.equals("as-national")) {
      return AS_NATIONAL;
    }
    if (s.equals(REFUSED)) {
      return new ZoneAnswers(true, Set.of());
    }
    if (s.startsWith(DIFFERENT) && s.substring(DIFFERENT.length()).matches("\\d{4}(\\+\\d{4})*")) {
      return new ZoneAnswers(false, new LinkedHashSet<>(Set.of(s.substring(DIFFERENT.length()).split("\\+"))));
    }
    throw new IllegalArgumentException("zone tables must be as-national, refused or count-differently:YEAR[+YEAR...], not '"
        + spec + "'");
  }

  boolean refuses(String tgeo) {
    return refused && !NATIONAL.equals(tgeo);
  }

  /** A zone table's figures for one establishment, given its true (national) ones. */
  Figures shown(String year, String tgeo, Figures figures) {
    return !NATIONAL.equals(tgeo) && differingYears.contains(year) ? figures.plus(ONE_MORE_STAY) : figures;
  }
}
