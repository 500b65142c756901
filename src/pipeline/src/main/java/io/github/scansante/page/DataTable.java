package io.github.scansante.page;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The establishments table of a results page, read strictly: every row must have one cell per
 * header column, since a row that does not cannot be put in the right CSV columns.
 */
record DataTable(List<String> columns, List<List<String>> establishments, List<String> total) {

  /** The header of the column that holds the Total label (site contract). */
  static final String NAME_COLUMN = "Raison Sociale";

  /** The label of the last row, which sums the establishments (site contract). */
  static final String TOTAL_LABEL = "Total";

  static final DataTable NONE = new DataTable(List.of(), List.of(), List.of());

  static DataTable read(Element table) {
    List<String> columns = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    // Walk sections and rows directly rather than by selector: one pass, no nested-table leaks.
    for (Element section : table.children()) {
      if (section.nameIs("thead")) {
        for (Element row : Rows.of(section)) {
          for (Element cell : Rows.cells(row)) {
            columns.add(CellText.collapsed(cell));
          }
        }
      } else if (section.nameIs("tbody")) {
        for (Element row : Rows.of(section)) {
          rows.add(cells(row));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new MalformedPageException("data table has no thead columns");
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).size() != columns.size()) {
        throw new MalformedPageException(
            "row " + (i + 1) + " has " + rows.get(i).size() + " cells, header has " + columns.size());
      }
    }
    List<String> total = List.of();
    if (!rows.isEmpty() && isTotal(rows.get(rows.size() - 1), columns.indexOf(NAME_COLUMN))) {
      total = rows.remove(rows.size() - 1);
    }
    return new DataTable(List.copyOf(columns), rows, total);
  }

  private static List<String> cells(Element row) {
    List<Element> cells = Rows.cells(row);
    String[] texts = new String[cells.size()];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = CellText.of(cells.get(i));
    }
    return List.of(texts);
  }

  private static boolean isTotal(List<String> row, int nameColumn) {
    return nameColumn >= 0 ? TOTAL_LABEL.equals(row.get(nameColumn)) : row.contains(TOTAL_LABEL);
  }
}
