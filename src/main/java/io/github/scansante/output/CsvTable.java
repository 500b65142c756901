package io.github.scansante.output;

import io.github.scansante.page.ResultPage;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a data file: the site's column names, then one row per establishment with the cells
 * as displayed. The Total row is not an establishment; it stays in the manifest.
 */
public final class CsvTable {

  public List<List<String>> rows(ResultPage page) {
    List<List<String>> rows = new ArrayList<>(page.establishments().size() + 1);
    rows.add(page.columns());
    rows.addAll(page.establishments());
    return rows;
  }
}
