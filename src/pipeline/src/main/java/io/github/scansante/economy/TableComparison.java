package io.github.scansante.economy;

import io.github.scansante.page.ResultPage;
import java.util.List;
import java.util.Optional;

/** Compares a derived table with the one the site sent for the same zone, cell for cell, in order. */
public final class TableComparison {

  private TableComparison() {}

  /** The first difference, in words, or empty when both tables hold the same cells in the same order. */
  public static Optional<String> firstDifference(ResultPage derived, ResultPage fromSite) {
    if (!derived.columns().equals(fromSite.columns())) {
      return Optional.of("columns differ: derived " + derived.columns() + ", site " + fromSite.columns());
    }
    List<List<String>> ours = derived.establishments();
    List<List<String>> theirs = fromSite.establishments();
    for (int r = 0; r < Math.min(ours.size(), theirs.size()); r++) {
      List<String> a = ours.get(r);
      List<String> b = theirs.get(r);
      for (int c = 0; c < Math.max(a.size(), b.size()); c++) {
        String x = c < a.size() ? a.get(c) : "";
        String y = c < b.size() ? b.get(c) : "";
        if (!x.equals(y)) {
          return Optional.of("row " + (r + 1) + ", column '" + columnName(derived, c) + "': derived '" + x
              + "', site '" + y + "'");
        }
      }
    }
    if (ours.size() != theirs.size()) {
      return Optional.of("derived " + ours.size() + " establishments, site " + theirs.size());
    }
    return Optional.empty();
  }

  private static String columnName(ResultPage page, int c) {
    return c < page.columns().size() ? page.columns().get(c) : "#" + (c + 1);
  }
}
