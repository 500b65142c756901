package io.github.scansante.report;

import io.github.scansante.output.CsvDialect;
import io.github.scansante.page.SiteColumn;
import io.github.scansante.plan.Combination;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The figures the report charts, gathered in one streaming pass over {@code scansante_master.csv}:
 * only aggregates are kept, never the rows.
 *
 * <p>Stays come from the all-stays tables, counted once per establishment: an establishment appears
 * with the same figures in the France, region and department tables of a year, so summing every
 * table would count it up to three times. Masked counts (1 to 10) are not added: the sums are lower
 * bounds, short by at most 10 per masked cell.
 */
final class MasterSummary {

  static final int TOP_ESTABLISHMENTS = 15;
  /** The site's period of a complete year: twelve months. */
  static final String FULL_YEAR = "M12";
  private static final List<SiteColumn> COUNT_COLUMNS = Arrays.stream(SiteColumn.values())
      .filter(c -> c.type() == SiteColumn.Type.COUNT).toList();

  private record YearBase(int year, String base) {}

  private record EstablishmentStays(String finess, String name, String base, long stays) {}

  /** Cells of one count column holding a count or a mask, and how many of them are masked. */
  private static final class Tally {
    long masked;
    long cells;
  }

  private final Map<YearBase, Map<String, EstablishmentStays>> allStays = new TreeMap<>(
      Comparator.comparingInt(YearBase::year).thenComparing(YearBase::base));
  private final Map<String, String> baseLabels;
  private final Map<SiteColumn, Tally> tallies = new LinkedHashMap<>();
  /** The periods ("M12", "M7") the all-stays rows of each year cover. */
  private final Map<Integer, Set<String>> periods = new TreeMap<>();
  private long rows;

  private MasterSummary(List<String> baseOrder) {
    Comparator<String> byRank = Comparator.comparingInt((String b) -> baseOrder.contains(b) ? baseOrder.indexOf(b) : baseOrder.size());
    this.baseLabels = new TreeMap<>(byRank.thenComparing(Comparator.naturalOrder()));
    COUNT_COLUMNS.forEach(c -> tallies.put(c, new Tally()));
  }

  /**
   * Reads the master; an absent master gives empty charts.
   *
   * @param baseOrder category codes in the order charts list them (the form's), so that each keeps
   *     its colour from chart to chart
   */
  static MasterSummary of(Path master, List<String> baseOrder) {
    MasterSummary summary = new MasterSummary(baseOrder);
    if (!Files.exists(master)) {
      return summary;
    }
    try (CSVParser parser = CsvDialect.open(master)) {
      for (CSVRecord r : parser) {
        summary.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + master, e);
    }
    return summary;
  }

  private void add(CSVRecord r) {
    rows++;
    List<String> masked = List.of(r.get(EstablishmentCells.MASKED_FIELDS).split(EstablishmentCells.FIELD_SEPARATOR));
    for (SiteColumn c : COUNT_COLUMNS) {
      boolean isMasked = masked.contains(c.stableName());
      if (isMasked || !r.get(c.stableName()).isEmpty()) {
        Tally tally = tallies.get(c);
        tally.masked += isMasked ? 1 : 0;
        tally.cells++;
      }
    }
    String stays = r.get(SiteColumn.SEJOURS_TOTAL.stableName());
    if (!r.get("regroupement").equals(Combination.ALL_STAYS) || stays.isEmpty()) {
      return;
    }
    String base = r.get("base");
    periods.computeIfAbsent(Integer.parseInt(r.get("annee")), y -> new TreeSet<>()).add(r.get(SiteColumn.PERIODE.stableName()));
    baseLabels.putIfAbsent(base, r.get("base_label").isEmpty() ? base : r.get("base_label"));
    String finess = r.get(SiteColumn.FINESS.stableName());
    String name = r.get(SiteColumn.RAISON_SOCIALE.stableName());
    allStays.computeIfAbsent(new YearBase(Integer.parseInt(r.get("annee")), base), k -> new TreeMap<>())
        .merge(finess, new EstablishmentStays(finess, name.isBlank() ? "FINESS " + finess : name, base, Long.parseLong(stays)),
            (a, b) -> a.stays() >= b.stays() ? a : b);
  }

  long rows() {
    return rows;
  }

  /** Masked cells over cells holding a count or a mask, all count columns together. */
  double maskedShare() {
    long masked = tallies.values().stream().mapToLong(t -> t.masked).sum();
    long cells = tallies.values().stream().mapToLong(t -> t.cells).sum();
    return cells == 0 ? 0 : (double) masked / cells;
  }

  /** The charts' data, for the page's script. */
  Map<String, Object> chartData() {
    Map<String, Object> data = new JsonObject();
    data.put("bases", new JsonArray(List.copyOf(baseLabels.values())));
    data.put("stays", staysPerYear());
    data.put("top", largestOfNewestYear());
    data.put("masked", maskedByColumn());
    return data;
  }

  private JsonObject staysPerYear() {
    TreeSet<Integer> years = new TreeSet<>();
    allStays.keySet().forEach(k -> years.add(k.year()));
    JsonArray series = new JsonArray();
    baseLabels.forEach((base, label) -> {
      JsonArray values = new JsonArray();
      for (int year : years) {
        Map<String, EstablishmentStays> establishments = allStays.get(new YearBase(year, base));
        values.add(establishments == null ? null : establishments.values().stream().mapToLong(EstablishmentStays::stays).sum());
      }
      series.add(new JsonObject(Map.of("name", label, "data", values)));
    });
    // A year the site covers for only some months (the current one, "M7") is not comparable with full years.
    JsonObject partial = new JsonObject();
    periods.forEach((year, covered) -> {
      if (!covered.contains(FULL_YEAR) && !covered.isEmpty()) {
        partial.put(String.valueOf(year), String.join("/", covered));
      }
    });
    return new JsonObject(Map.of("years", new JsonArray(years.stream().map(String::valueOf).toList()), "series", series,
        "partial", partial));
  }

  private JsonObject largestOfNewestYear() {
    JsonObject top = new JsonObject();
    if (allStays.isEmpty()) {
      return top;
    }
    int newest = allStays.keySet().stream().mapToInt(YearBase::year).max().orElseThrow();
    List<EstablishmentStays> largest = new ArrayList<>();
    allStays.forEach((k, establishments) -> {
      if (k.year() == newest) {
        largest.addAll(establishments.values());
      }
    });
    largest.sort(Comparator.comparingLong(EstablishmentStays::stays).reversed().thenComparing(EstablishmentStays::finess));
    JsonArray items = new JsonArray();
    for (EstablishmentStays e : largest.subList(0, Math.min(TOP_ESTABLISHMENTS, largest.size()))) {
      items.add(new JsonObject(Map.of("name", e.name(), "finess", e.finess(), "base", baseLabels.get(e.base()), "stays", e.stays())));
    }
    top.put("year", String.valueOf(newest));
    top.put("items", items);
    return top;
  }

  private JsonArray maskedByColumn() {
    JsonArray columns = new JsonArray();
    tallies.forEach((c, t) -> columns.add(new JsonObject(Map.of(
        "field", c.stableName(), "header", c.siteHeader(), "masked", t.masked, "cells", t.cells))));
    return columns;
  }
}
