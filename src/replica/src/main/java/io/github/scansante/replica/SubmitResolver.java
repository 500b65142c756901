package io.github.scansante.replica;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what the site would answer to a submit query, after the contract observed on the real
 * site: an unknown year, level, zone (or a zone of another level), base or grouping mode is
 * refused; {@code typrgp=rgpGHM} restricts the table only when exactly one grouping field carries
 * a known code, and otherwise — the trap of the misspelt {@code ASO=M} — answers a blank grouping
 * line above the <em>unfiltered</em> table.
 */
final class SubmitResolver {

  /** The grouping mode of a query restricted to one grouping (site contract). */
  static final String RESTRICTED = "rgpGHM";

  /** What the echo says before a grouping's label, by field. */
  static final Map<String, String> GROUPING_CAPTIONS = Map.of(
      "A50", "Activité de soins",
      "CAS", "Catégorie d'activité de soins",
      "DA", "Domaine d'activité",
      "GP", "Groupe de planification");

  private final SiteFilterTree catalogue;
  private final SyntheticDataset dataset;
  private final String newestYearUpdate;
  private final String newestPeriod;
  private final EchoRename rename;
  private final ZoneAnswers zoneAnswers;

  SubmitResolver(SiteFilterTree catalogue, SyntheticDataset dataset, String newestYearUpdate, String newestPeriod,
      EchoRename rename, ZoneAnswers zoneAnswers) {
    this.catalogue = catalogue;
    this.rename = rename;
    this.zoneAnswers = zoneAnswers;
    this.dataset = dataset;
    this.newestYearUpdate = newestYearUpdate;
    this.newestPeriod = newestPeriod;
  }

  /** Whether the query asks for one grouping rather than all stays. */
  static boolean asksForGrouping(Map<String, String> query) {
    return RESTRICTED.equals(query.get("typrgp"));
  }

  /** The report to show, or empty when the site would refuse the query. */
  Optional<ResultsPageContent> resolve(Map<String, String> query) {
    return resolve(query, true);
  }

  /**
   * What the site shows when it does not recognise the grouping: the same answer as to a query
   * whose grouping fields are all blank (blank grouping line, unfiltered table).
   */
  Optional<ResultsPageContent> resolveIgnoringGrouping(Map<String, String> query) {
    return resolve(query, false);
  }

  private Optional<ResultsPageContent> resolve(Map<String, String> query, boolean recognisesGrouping) {
    String year = query.getOrDefault("annee", "");
    String tgeo = query.getOrDefault("tgeo", "");
    String codegeo = query.getOrDefault("codegeo", "");
    String base = query.getOrDefault("base", "");
    String typrgp = query.getOrDefault("typrgp", "");
    boolean known = dataset.years().contains(year)
        && SiteFilterTree.GEO_LEVELS.contains(tgeo)
        && catalogue.offers(SiteFilterTree.zoneField(tgeo), codegeo)
        && SyntheticDataset.BASES.contains(base)
        && (typrgp.equals("tous") || typrgp.equals(RESTRICTED));
    if (!known || zoneAnswers.refuses(tgeo)) {
      return Optional.empty();
    }
    Optional<Grouping> grouping = typrgp.equals("tous") ? Optional.of(Grouping.ALL)
        : recognisesGrouping ? restriction(query) : Optional.empty();
    List<String> echo = new ArrayList<>();
    echo.add("Activité MCO");
    echo.add(year.equals(dataset.newestYear())
        ? rename.caption("Année") + ": " + year + " (mise à jour hebdomadaire / dernière mise à jour le " + newestYearUpdate + ")"
        : rename.caption("Année") + ": " + year);
    echo.add(rename.caption("Zone géographique") + " : " + catalogue.label(SiteFilterTree.zoneField(tgeo), codegeo).orElseThrow());
    echo.add(rename.caption("Catégorie d'établissement") + ": " + catalogue.label("base", base).orElseThrow());
    echo.add(grouping.map(this::groupingLine).orElse(""));
    Grouping applied = grouping.orElse(Grouping.ALL);
    String period = year.equals(dataset.newestYear()) ? newestPeriod : "M12";
    return Optional.of(new ResultsPageContent(echo, applied.showsSeances(dataset.tree()), period,
        dataset.table(year, base, tgeo, codegeo, applied).stream()
            .map(row -> new SyntheticDataset.Row(row.establishment(), zoneAnswers.shown(year, tgeo, row.figures())))
            .toList()));
  }

  /** The one grouping field set to a known code, if exactly one is. */
  private Optional<Grouping> restriction(Map<String, String> query) {
    List<Grouping> set = new ArrayList<>();
    for (String field : SiteFilterTree.GROUPING_FIELDS) {
      String code = query.getOrDefault(field, "");
      if (!code.isEmpty()) {
        set.add(new Grouping(field, code));
      }
    }
    if (set.size() != 1 || !catalogue.offers(set.get(0).field(), set.get(0).code())) {
      return Optional.empty();
    }
    return Optional.of(set.get(0));
  }

  private String groupingLine(Grouping g) {
    if (g.isAll()) {
      return rename.caption("Choix de regroupement") + ": " + catalogue.label("typrgp", "tous").orElse("Tous séjours/séances");
    }
    return rename.caption("Choix de regroupement") + ": " + GROUPING_CAPTIONS.get(g.field()) + " : "
        + catalogue.label(g.field(), g.code()).orElseThrow();
  }
}
