package io.github.scansante.replica;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replica's data: about 1,500 invented establishments in the catalogue's departments, with
 * yearly figures per planning group, deterministic from a seed. Establishments are invented at
 * construction (milliseconds); a year's figures on first use.
 *
 * <p>Every table is a sum over planning groups, so the filters are consistent by construction:
 * departments partition their region, regions partition France, and each grouping field (A50,
 * CAS, DA, GP) partitions the planning groups (see {@link GroupingTree}).
 */
public final class SyntheticDataset {

  /** The establishment categories the replica has data for ({@code ball} is refused, as on the site). */
  public static final List<String> BASES = List.of("bpub", "bpri");

  /** One line of a results table. */
  public record Row(Establishment establishment, Figures figures) {}

  private final long seed;
  private final GroupingTree tree;
  private final List<EstablishmentRegistry.Site> sites;
  private final List<Establishment> establishments;
  private final Map<String, Integer> indexByFiness = new HashMap<>();
  private final List<String> years;
  private final int firstYear;
  private final String newestYear;
  private final double newestYearShare;
  private final Map<String, YearActivity> activity = new ConcurrentHashMap<>();

  /**
   * @param newestYearMonths months of data in the newest year (its "Période", e.g. 7 for M7); older
   *     years are complete
   */
  public SyntheticDataset(long seed, SiteFilterTree catalogue, int newestYearMonths) {
    if (newestYearMonths < 1 || newestYearMonths > 12) {
      throw new IllegalArgumentException("the newest year must cover 1 to 12 months, not " + newestYearMonths);
    }
    this.seed = seed;
    this.tree = new GroupingTree(catalogue);
    this.years = catalogue.codes("annee");
    this.firstYear = years.stream().mapToInt(Integer::parseInt).min().orElseThrow();
    int lastYear = years.stream().mapToInt(Integer::parseInt).max().orElseThrow();
    this.newestYear = Integer.toString(lastYear);
    this.newestYearShare = newestYearMonths / 12.0;
    this.sites = EstablishmentRegistry.generate(seed, catalogue, tree, firstYear, lastYear);
    List<Establishment> list = new ArrayList<>();
    for (EstablishmentRegistry.Site site : sites) {
      indexByFiness.put(site.establishment().finess(), list.size());
      list.add(site.establishment());
    }
    this.establishments = Collections.unmodifiableList(list);
  }

  public GroupingTree tree() {
    return tree;
  }

  /** Every establishment, active or not, sorted by FINESS. */
  public List<Establishment> establishments() {
    return establishments;
  }

  public List<String> years() {
    return years;
  }

  public String newestYear() {
    return newestYear;
  }

  /** Whether an establishment lies in a zone ({@code tgeo} fe, re or de; any code for fe). */
  public static boolean inZone(Establishment e, String tgeo, String codegeo) {
    return switch (tgeo) {
      case "fe" -> true;
      case "re" -> e.region().equals(codegeo);
      case "de" -> e.department().equals(codegeo);
      default -> throw new IllegalArgumentException("unknown geographic level: " + tgeo);
    };
  }

  /** The true figures of one establishment for one year and grouping (zero if it was closed). */
  public Figures figures(String year, Establishment e, Grouping grouping) {
    Integer index = indexByFiness.get(e.finess());
    if (index == null) {
      throw new IllegalArgumentException("not an establishment of this dataset: " + e.finess());
    }
    return year(year).sum(index, grouping.mask(tree));
  }

  /** The rows of a results table: establishments of the base and zone with activity in the grouping. */
  public List<Row> table(String year, String base, String tgeo, String codegeo, Grouping grouping) {
    YearActivity a = year(year);
    boolean[] mask = grouping.mask(tree);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < establishments.size(); i++) {
      Establishment e = establishments.get(i);
      if (e.base().equals(base) && inZone(e, tgeo, codegeo)) {
        Figures f = a.sum(i, mask);
        if (!f.isEmpty()) {
          rows.add(new Row(e, f));
        }
      }
    }
    return rows;
  }

  private YearActivity year(String year) {
    if (!years.contains(year)) {
      throw new IllegalArgumentException("no data for year " + year);
    }
    return activity.computeIfAbsent(year, y -> YearActivity.generate(seed, Integer.parseInt(y), firstYear,
        y.equals(newestYear) ? newestYearShare : 1.0, sites, tree));
  }
}
