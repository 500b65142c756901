package io.github.scansante.plan;

import java.util.Objects;

/**
 * One query to the site: year, geographic level and zone, establishment category, and either all
 * stays ({@link #groupingField} empty) or one grouping field ({@code A50}, {@code CAS}, {@code DA},
 * {@code GP}) restricted to one code.
 */
public record Combination(
    String annee, String tgeo, String codegeo, String base, String groupingField, String groupingCode) {

  public static final String ALL_STAYS = "tous";
  public static final String RESTRICTED = "rgpGHM";

  public Combination {
    Objects.requireNonNull(annee, "annee");
    Objects.requireNonNull(tgeo, "tgeo");
    Objects.requireNonNull(codegeo, "codegeo");
    Objects.requireNonNull(base, "base");
    groupingField = groupingField == null ? "" : groupingField;
    groupingCode = groupingCode == null ? "" : groupingCode;
    if (groupingField.isEmpty() != groupingCode.isEmpty()) {
      throw new IllegalArgumentException("a grouping needs both a field and a code: " + groupingField + "=" + groupingCode);
    }
  }

  public static Combination allStays(String annee, String tgeo, String codegeo, String base) {
    return new Combination(annee, tgeo, codegeo, base, "", "");
  }

  public boolean isAllStays() {
    return groupingField.isEmpty();
  }

  /** The value of the site's {@code typrgp} field. */
  public String typrgp() {
    return isAllStays() ? ALL_STAYS : RESTRICTED;
  }

  /** A stable identity, used by the run journal and the manifest. */
  public String key() {
    return String.join("|", annee, tgeo, codegeo, base, typrgp(), groupingField, groupingCode);
  }

  @Override
  public String toString() {
    return key();
  }
}
