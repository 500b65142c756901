package io.github.scansante.page;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * The text of one table cell as the site displays it. A {@code <br>} separates words (the original
 * tool glued "séjours" and "séances" together by dropping it), so it reads as a space.
 */
final class CellText {

  private CellText() {}

  /** Padding trimmed, inner spacing kept as sent. */
  static String of(Element cell) {
    // Nearly every cell is a single text node: skip the traversal for those.
    if (cell.childNodeSize() == 1 && cell.childNode(0) instanceof TextNode text) {
      return Whitespace.trim(text.getWholeText());
    }
    StringBuilder out = new StringBuilder();
    // NodeTraversor is iterative, so hostile nesting inside a cell cannot overflow the stack.
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof TextNode text) {
            out.append(text.getWholeText());
          } else if (node.nameIs("br")) {
            out.append(' ');
          }
        },
        cell);
    return Whitespace.trim(out.toString());
  }

  /** Single spaces between words: for header names, which are identifiers downstream. */
  static String collapsed(Element cell) {
    return Whitespace.collapse(of(cell));
  }
}
