package io.github.scansante.page;

import io.github.scansante.page.CellValue.Kind;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The columns of a ScanSanté establishments table, with the stable name each gets in the master
 * table. The site's header text is matched after normalisation (accents, case, punctuation and
 * spacing ignored), so "Nombre de séjours/séances total" and "Nombre de séjours séances total" are
 * the same column; anything else is unknown and must be looked at by a person. Declared in the
 * master table's column order, the key first.
 */
public enum SiteColumn {
  FINESS("finess", "Finess", Type.TEXT),
  CATEGORIE("categorie", "Catégorie", Type.TEXT),
  RAISON_SOCIALE("raison_sociale", "Raison Sociale", Type.TEXT),
  PERIODE("periode", "Période", Type.TEXT),
  SEJOURS_TOTAL("sejours_total", "Nombre de séjours séances total", Type.COUNT),
  SEJOURS_HC("sejours_hc", "Nombre de séjours en hospit complète", Type.COUNT),
  SEJOURS_HP("sejours_hp", "Nombre de séjours en hospit partielle", Type.COUNT),
  SEANCES("seances", "Nombre de séances", Type.COUNT),
  SEXE_RATIO_HOMME("sexe_ratio_homme", "Sexe ratio (% homme)", Type.PROPORTION),
  AGE_MOYEN("age_moyen", "Age moyen", Type.DECIMAL),
  DMS("dms", "Durée moyenne de séjour", Type.DECIMAL),
  DECES("deces", "% décès", Type.PROPORTION);

  /** What a column holds, and so which cell forms it accepts. */
  public enum Type {
    TEXT(EnumSet.noneOf(Kind.class)),
    COUNT(EnumSet.of(Kind.INTEGER, Kind.MASKED, Kind.MISSING)),
    // A mean the site happens to show without decimals is still a mean.
    DECIMAL(EnumSet.of(Kind.DECIMAL, Kind.INTEGER, Kind.MISSING)),
    PROPORTION(EnumSet.of(Kind.PROPORTION, Kind.MISSING));

    private final Set<Kind> accepted;

    Type(Set<Kind> accepted) {
      this.accepted = accepted;
    }

    public boolean accepts(Kind kind) {
      return accepted.contains(kind);
    }
  }

  /** Restricted groupings come back without it (site contract: 11-column tables). */
  public static final Set<SiteColumn> OPTIONAL = EnumSet.of(SEANCES);

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Map<String, SiteColumn> BY_HEADER = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(c -> normalise(c.siteHeader), Function.identity()));

  private final String stableName;
  private final String siteHeader;
  private final Type type;

  SiteColumn(String stableName, String siteHeader, Type type) {
    this.stableName = stableName;
    this.siteHeader = siteHeader;
    this.type = type;
  }

  /** The master table's column name, e.g. {@code sejours_hp}. */
  public String stableName() {
    return stableName;
  }

  /** The header as the site displays it today. */
  public String siteHeader() {
    return siteHeader;
  }

  public Type type() {
    return type;
  }

  public boolean isNumeric() {
    return type != Type.TEXT;
  }

  /** The column this header names, if it is a known one. */
  public static Optional<SiteColumn> forHeader(String header) {
    return Optional.ofNullable(BY_HEADER.get(normalise(header)));
  }

  /** Lower case, no accents, words separated by single spaces. */
  static String normalise(String header) {
    String noAccents = MARKS.matcher(Normalizer.normalize(header, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALPHANUMERIC.matcher(noAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
