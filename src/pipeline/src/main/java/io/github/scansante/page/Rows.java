package io.github.scansante.page;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

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
    return childrenNamed(section, "tr", "tr");
  }

  /** The {@code td} and {@code th} cells of one row. */
  static List<Element> cells(Element row) {
    return childrenNamed(row, "td", "th");
  }

  // Over the child nodes as they are: Element.children() builds a fresh element list per call,
  // which was most of the cost of reading a 773-row table.
  private static List<Element> childrenNamed(Element parent, String name, String otherName) {
    List<Element> out = new ArrayList<>(parent.childNodeSize());
    for (Node child : parent.childNodes()) {
      if (child instanceof Element e && (e.nameIs(name) || e.nameIs(otherName))) {
        out.add(e);
      }
    }
    return out;
  }
}
