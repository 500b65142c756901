package io.github.scansante.page;

import java.util.List;
import java.util.Objects;

/**
 * What one ScanSanté results page says, cell for cell, before any judgement on whether it answers
 * the request (that is {@link PageClassifier}'s job).
 *
 * @param criteria the criteria echo, one trimmed line per row; a blank row is kept as {@code ""}
 *     at its position, because the site blanks the grouping line when it ignored the grouping
 * @param columns the data table's header names, words separated by single spaces; empty when the
 *     page has no data table
 * @param establishments one row per establishment, cells trimmed of padding and otherwise as
 *     displayed ({@code "21 687"}, {@code "1 à 10"}); the Total row is not among them
 * @param total the Total row's cells, or an empty list when the table has none
 * @param footer the statistical-secrecy footer, or {@code ""}
 * @param notice the page's message when it has no data table (e.g. a refusal), otherwise {@code ""}
 */
public record ResultPage(
    List<String> criteria,
    List<String> columns,
    List<List<String>> establishments,
    List<String> total,
    String footer,
    String notice) {

  public ResultPage {
    criteria = List.copyOf(criteria);
    columns = List.copyOf(columns);
    establishments = establishments.stream().map(List::copyOf).toList();
    total = List.copyOf(total);
    Objects.requireNonNull(footer, "footer");
    Objects.requireNonNull(notice, "notice");
  }

  /** Whether the page carries a data table (a refusal does not). */
  public boolean hasDataTable() {
    return !columns.isEmpty();
  }

  /** A data table with no establishment: the site had nothing to report. */
  public boolean isEmptyTable() {
    return hasDataTable() && establishments.isEmpty();
  }

  /** Whether the table ends with its Total row; a table without one may have been cut short. */
  public boolean hasTotal() {
    return !total.isEmpty();
  }

  /** The index of the column with exactly this header name, or -1 when there is none. */
  public int column(String name) {
    return columns.indexOf(name);
  }
}
