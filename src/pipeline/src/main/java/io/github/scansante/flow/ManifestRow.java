package io.github.scansante.flow;

import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import java.util.List;

/**
 * What became of one combination: a row of {@code run-manifest.csv} and of the run journal.
 *
 * @param rows establishment rows written (0 when no file)
 * @param totalCheck masking-aware comparison of the rows with the Total row, empty when not checked
 * @param file path of the data file relative to the output folder, empty when none
 * @param siteUpdated the site's last update date from the criteria echo (ISO), empty when absent
 * @param frozen whether the echo marks the year as no longer updated
 */
public record ManifestRow(
    Combination combination,
    Outcome outcome,
    String reason,
    int rows,
    String totalCheck,
    String file,
    String sha256,
    String url,
    int attempts,
    String fetchedAt,
    String siteUpdated,
    boolean frozen) {

  public static final List<String> HEADER = List.of("annee", "tgeo", "codegeo", "base", "typrgp", "field", "value",
      "outcome", "reason", "rows", "total_check", "file", "sha256", "url", "attempts", "fetched_at", "site_updated", "frozen");

  public List<String> cells() {
    Combination c = combination;
    return List.of(c.annee(), c.tgeo(), c.codegeo(), c.base(), c.typrgp(), c.groupingField(), c.groupingCode(),
        outcome.label(), oneLine(reason), Integer.toString(rows), totalCheck, file, sha256, url,
        Integer.toString(attempts), fetchedAt, siteUpdated, Boolean.toString(frozen));
  }

  public static ManifestRow fromCells(List<String> cells) {
    if (cells.size() != HEADER.size()) {
      throw new IllegalArgumentException("manifest row has " + cells.size() + " cells, expected " + HEADER.size());
    }
    Combination c = new Combination(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(5), cells.get(6));
    return new ManifestRow(c, Outcome.fromLabel(cells.get(7)), cells.get(8), Integer.parseInt(cells.get(9)),
        cells.get(10), cells.get(11), cells.get(12), cells.get(13), Integer.parseInt(cells.get(14)), cells.get(15),
        cells.get(16), Boolean.parseBoolean(cells.get(17)));
  }

  /** Reasons come from exceptions and pages: one line, so that logs and journals stay line-based. */
  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }
}
