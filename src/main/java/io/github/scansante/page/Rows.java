package io.github.scansante.page;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Rows and cells of an HTML table, taken as direct children so nested tables never leak in. */
final class Rows {

  private Rows() {}

  /** The {@code tr} rows of a table, in order, whatever section ({@code thead}, {@code tbody}) holds them. */
  static List<Element> ofTable(Element table) {
    List<Element> rows = new ArrayList<>();
    for (Element section : table.children()) {
      rows.addAll(of(section));
    }
    return rows;
  }

  /** The {@code tr} children of one table section. */
  static List<Element> of(Element section) {
    List<Element> rows = new ArrayList<>();
    for (Element child : section.children()) {
      if (child.nameIs("tr")) {
        rows.add(child);
      }
    }
    return rows;
  }

  /** The {@code td} and {@code th} cells of one row. */
  static List<Element> cells(Element row) {
    List<Element> cells = new ArrayList<>();
    for (Element child : row.children()) {
      if (child.nameIs("td") || child.nameIs("th")) {
        cells.add(child);
      }
    }
    return cells;
  }
}
