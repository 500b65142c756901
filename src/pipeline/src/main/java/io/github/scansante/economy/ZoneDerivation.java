package io.github.scansante.economy;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.ResultPage;
import java.util.List;
import java.util.Optional;

/**
 * A zone's table taken from the national table of the same year, category and grouping: a row of a
 * results table is an establishment, and a zone's table lists the establishments located in that
 * zone, so it is the national table's rows whose FINESS lies in the zone, in the national order.
 *
 * <p>A derived table has no Total row of its own: the site's Total includes masked counts that
 * cannot be summed back, so none is invented.
 */
public final class ZoneDerivation {

  public static final String FINESS_COLUMN = "Finess";
  private static final String DEPARTMENT = "de";
  private static final String REGION = "re";

  private final Catalogue catalogue;

  /** @param catalogue gives each department's region ({@code zone-de} options' parent) */
  public ZoneDerivation(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Whether tables of this geographic level can be derived at all. */
  public static boolean derivable(String tgeo) {
    return DEPARTMENT.equals(tgeo) || REGION.equals(tgeo);
  }

  /** The zone's table, or empty when the national table has no FINESS column to locate rows by. */
  public Optional<ResultPage> derive(ResultPage national, String tgeo, String codegeo) {
    int finess = national.column(FINESS_COLUMN);
    if (finess < 0 || !derivable(tgeo)) {
      return Optional.empty();
    }
    List<List<String>> rows = national.establishments().stream()
        .filter(row -> finess < row.size() && locatedIn(row.get(finess), tgeo, codegeo))
        .toList();
    return Optional.of(new ResultPage(national.criteria(), national.columns(), rows, List.of(),
        national.footer(), national.notice()));
  }

  /** Whether an establishment with this FINESS lies in the zone. */
  public boolean locatedIn(String finess, String tgeo, String codegeo) {
    return FinessLocation.department(finess).filter(department -> departmentIn(department, tgeo, codegeo)).isPresent();
  }

  /** Whether a department lies in the zone: it is the department, or one of the region's. */
  public boolean departmentIn(String department, String tgeo, String codegeo) {
    if (DEPARTMENT.equals(tgeo)) {
      return department.equals(codegeo);
    }
    return REGION.equals(tgeo) && catalogue.option(Catalogue.zoneField(DEPARTMENT), department)
        .map(Catalogue.Option::parent)
        .filter(codegeo::equals)
        .isPresent();
  }
}
