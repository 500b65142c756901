package io.github.scansante.report;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What became of the run's combinations, as an HTML table: one row per year, one column per
 * (establishment category, grouping field). A cell gathers every zone and grouping code of its
 * year and column; it is tinted with its most frequent outcome and shows the share of each in a
 * bar, with the outcome itself when the cell holds one combination, counts per outcome otherwise.
 */
final class CoverageGrid {

  /** Grouping columns in the order of the site's form; all stays first. */
  static final List<String> GROUPINGS = List.of(Combination.ALL_STAYS, "A50", "CAS", "DA", "GP");
  private static final Map<String, String> GROUPING_TITLES = Map.of(
      Combination.ALL_STAYS, "Tous séjours",
      "A50", "Activité de soins",
      "CAS", "Catégorie d'activité",
      "DA", "Domaine d'activité",
      "GP", "Groupe de planification");
  private static final int YEAR_COLUMN_PX = 60;
  private static final int MAX_CELL_PX = 200;
  /** Reasons listed in a cell's tooltip; the rest are in dead-letter.log. */
  private static final int MAX_REASONS = 6;
  /** The catalogue field of establishment categories. */
  static final String BASE_FIELD = "base";
  /** The tint is the most frequent outcome; on a tie, the problem shows rather than the success. */
  private static final Comparator<Map.Entry<Outcome, Integer>> TINT_ORDER = Map.Entry.<Outcome, Integer>comparingByValue()
      .thenComparing(e -> !ManifestFile.WRITTEN.contains(e.getKey()));

  private record GridColumn(String base, String grouping) {}

  private final Catalogue catalogue;
  private final Map<String, Map<GridColumn, Map<Outcome, Integer>>> byYear = new TreeMap<>(Comparator.reverseOrder());
  private final TreeSet<GridColumn> columns;
  private final Map<Outcome, Integer> totals = new EnumMap<>(Outcome.class);
  /** Why the combinations of a cell that wrote nothing were refused, skipped or rejected, with counts. */
  private final Map<String, Map<GridColumn, Map<String, Integer>>> reasons = new TreeMap<>();

  private CoverageGrid(Catalogue catalogue) {
    this.catalogue = catalogue;
    List<String> bases = catalogue.codes(BASE_FIELD);
    Comparator<String> baseOrder = Comparator.comparingInt((String b) -> rank(bases, b)).thenComparing(b -> b);
    Comparator<String> groupingOrder = Comparator.comparingInt((String g) -> rank(GROUPINGS, g)).thenComparing(g -> g);
    this.columns = new TreeSet<>(Comparator.comparing(GridColumn::base, baseOrder).thenComparing(GridColumn::grouping, groupingOrder));
  }

  static CoverageGrid of(List<ManifestRow> rows, Catalogue catalogue) {
    CoverageGrid grid = new CoverageGrid(catalogue);
    for (ManifestRow row : rows) {
      Combination c = row.combination();
      GridColumn column = new GridColumn(c.base(), c.isAllStays() ? Combination.ALL_STAYS : c.groupingField());
      grid.columns.add(column);
      grid.byYear.computeIfAbsent(c.annee(), y -> new LinkedHashMap<>())
          .computeIfAbsent(column, k -> new EnumMap<>(Outcome.class)).merge(row.outcome(), 1, Integer::sum);
      grid.totals.merge(row.outcome(), 1, Integer::sum);
      // A table on disk needs no explanation (a derived one names its source file: one reason per file).
      if (!ManifestFile.WRITTEN.contains(row.outcome()) && !row.reason().isBlank()) {
        grid.reasons.computeIfAbsent(c.annee(), y -> new LinkedHashMap<>()).computeIfAbsent(column, k -> new TreeMap<>())
            .merge(row.outcome().label() + ": " + row.reason().strip(), 1, Integer::sum);
      }
    }
    return grid;
  }

  /** Combinations per outcome over the whole manifest. */
  Map<Outcome, Integer> totals() {
    return new EnumMap<>(totals);
  }

  /** Every outcome with its colour and count, so that the reader knows the scheme before the grid. */
  String legendHtml() {
    StringBuilder out = new StringBuilder("<ul class=\"legend\">");
    for (Outcome o : Outcome.values()) {
      int n = totals.getOrDefault(o, 0);
      out.append("<li").append(n == 0 ? " class=\"zero\"" : "").append("><span class=\"swatch ").append(cssClass(o))
          .append("\"></span>").append(o.label()).append(" <b>").append(n).append("</b></li>");
    }
    return out.append("</ul>").toString();
  }

  String tableHtml() {
    if (columns.isEmpty()) {
      return "<p class=\"empty\">No combination in run-manifest.csv yet.</p>";
    }
    // A few columns stay cell-sized instead of stretching across the page.
    int maxWidth = YEAR_COLUMN_PX + columns.size() * MAX_CELL_PX;
    StringBuilder out = new StringBuilder("<table class=\"grid\" id=\"coverage\" style=\"max-width:" + maxWidth
        + "px\"><thead><tr><th rowspan=\"2\" class=\"year\">Année</th>");
    Map<String, Integer> spans = new LinkedHashMap<>();
    columns.forEach(c -> spans.merge(c.base(), 1, Integer::sum));
    spans.forEach((base, span) -> out.append("<th class=\"base\" colspan=\"").append(span).append("\">")
        .append(Html.text(catalogue.label(BASE_FIELD, base).orElse(base))).append(" <small>").append(Html.text(base))
        .append("</small></th>"));
    out.append("</tr><tr>");
    for (GridColumn c : columns) {
      out.append("<th class=\"grouping\" title=\"").append(Html.text(GROUPING_TITLES.getOrDefault(c.grouping(), c.grouping())))
          .append("\">").append(Html.text(c.grouping())).append("</th>");
    }
    out.append("</tr></thead><tbody>");
    byYear.forEach((year, cells) -> {
      out.append("<tr><th class=\"year\">").append(Html.text(year)).append("</th>");
      for (GridColumn c : columns) {
        out.append(cell(year, c, cells.get(c)));
      }
      out.append("</tr>");
    });
    return out.append("</tbody></table>").toString();
  }

  private String cell(String year, GridColumn column, Map<Outcome, Integer> counts) {
    if (counts == null) {
      return "<td class=\"cell none\">–</td>";
    }
    Outcome main = counts.entrySet().stream().max(TINT_ORDER).orElseThrow().getKey();
    int combinations = counts.values().stream().mapToInt(Integer::intValue).sum();
    List<String> lines = new ArrayList<>();
    StringBuilder bar = new StringBuilder("<div class=\"bar\">");
    counts.forEach((o, n) -> {
      lines.add(combinations == 1 ? o.label() : n + " " + o.label());
      bar.append("<span class=\"").append(cssClass(o)).append("\" style=\"flex:").append(n).append("\"></span>");
    });
    String title = year + " · " + catalogue.label(BASE_FIELD, column.base()).orElse(column.base()) + " · "
        + GROUPING_TITLES.getOrDefault(column.grouping(), column.grouping()) + ": " + combinations + " combination"
        + (combinations == 1 ? "" : "s") + " (" + String.join(", ", lines) + ")" + why(year, column);
    return "<td class=\"cell tint-" + main.label() + "\" title=\"" + Html.text(title) + "\">" + bar + "</div><div class=\"counts\">"
        + String.join("<br>", lines) + "</div></td>";
  }

  /** On hover, why: one line per distinct reason, the most frequent first, a few at most. */
  private String why(String year, GridColumn column) {
    Map<String, Integer> byReason = reasons.getOrDefault(year, Map.of()).getOrDefault(column, Map.of());
    List<Map.Entry<String, Integer>> sorted = byReason.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
    StringBuilder out = new StringBuilder();
    sorted.stream().limit(MAX_REASONS).forEach(e -> out.append("\n").append(e.getKey())
        .append(e.getValue() > 1 ? " (×" + e.getValue() + ")" : ""));
    if (sorted.size() > MAX_REASONS) {
      out.append("\n… and ").append(sorted.size() - MAX_REASONS).append(" other reasons (dead-letter.log)");
    }
    return out.toString();
  }

  static String cssClass(Outcome o) {
    return "o-" + o.label();
  }

  private static int rank(List<String> order, String value) {
    int i = order.indexOf(value);
    return i < 0 ? order.size() : i;
  }
}
