package io.github.scansante.output;

import io.github.scansante.page.ResultPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a data file: the site's column names, then one row per establishment with the cells
 * as displayed, text that a spreadsheet would run as a formula neutralised ({@link SpreadsheetText}).
 * The Total row is not an establishment; it stays in the manifest.
 *
 * <p>Each row is a map from column position to cell, in column order: camel-csv writes a map's
 * values as they are, whereas it first asks the type converter to turn a list into a map, a lookup
 * that fails slowly for every row (42 ms against 1 ms for a 774-row page, byte-identical output).
 */
public final class CsvTable {

  public List<Map<Integer, String>> rows(ResultPage page) {
    List<Map<Integer, String>> rows = new ArrayList<>(page.establishments().size() + 1);
    rows.add(row(page.columns()));
    for (List<String> establishment : page.establishments()) {
      rows.add(row(establishment));
    }
    return rows;
  }

  private static Map<Integer, String> row(List<String> cells) {
    Map<Integer, String> row = new LinkedHashMap<>(cells.size() * 2);
    for (int i = 0; i < cells.size(); i++) {
      row.put(i, SpreadsheetText.neutralised(cells.get(i)));
    }
    return row;
  }
}
