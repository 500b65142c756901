package io.github.scansante.report;

import io.github.scansante.output.CsvDialect;
import io.github.scansante.output.SpreadsheetText;
import io.github.scansante.page.CellValue;
import io.github.scansante.page.SiteColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;

/**
 * The typed cells of one establishment row: the site's columns under their stable names, numbers
 * written with the dialect's decimal separator and no thousands separator, masked and NA cells empty, then which fields were masked and
 * the range the site gave for them.
 */
final class EstablishmentCells {

  static final String MASKED_FIELDS = "masked_fields";
  static final String MASKED_LOW = "masked_low";
  static final String MASKED_HIGH = "masked_high";
  /** Between the names in {@code masked_fields}: needs no quoting and splits with any tool's default. */
  static final String FIELD_SEPARATOR = " ";

  private EstablishmentCells() {}

  static List<String> header() {
    return Stream.concat(Stream.of(SiteColumn.values()).map(SiteColumn::stableName),
        Stream.of(MASKED_FIELDS, MASKED_LOW, MASKED_HIGH)).toList();
  }

  /**
   * @param where file and line, for the message when a cell is not what its column holds
   * @throws IllegalStateException on a cell its column cannot hold (e.g. a percentage in a count)
   *     or masked cells with different ranges in one row, which the master's single range cannot say
   */
  static List<String> of(FileColumns columns, CSVRecord record, String where, CsvDialect dialect) {
    List<String> cells = new ArrayList<>();
    List<String> masked = new ArrayList<>();
    CellValue.Bounds bounds = null;
    for (SiteColumn column : SiteColumn.values()) {
      String shown = columns.cell(record, column);
      if (!column.isNumeric()) {
        // The master is for code, not spreadsheets: the site's text as it was.
        cells.add(SpreadsheetText.restored(shown));
        continue;
      }
      CellValue value = read(shown, column, where);
      if (value.isMasked()) {
        if (bounds != null && !bounds.equals(value.bounds())) {
          throw new IllegalStateException(where + ": masked ranges differ within one row (" + bounds + ", " + value.bounds() + ")");
        }
        bounds = value.bounds();
        masked.add(column.stableName());
      }
      // Exact decimal text: 0.499 stays 0.499, 2,80 becomes 2.8, never 1E+2.
      cells.add(value.number() == null ? "" : dialect.decimal(value.number().stripTrailingZeros().toPlainString()));
    }
    cells.add(String.join(FIELD_SEPARATOR, masked));
    cells.add(bounds == null ? "" : Long.toString(bounds.low()));
    cells.add(bounds == null ? "" : Long.toString(bounds.high()));
    return cells;
  }

  private static CellValue read(String shown, SiteColumn column, String where) {
    CellValue value;
    try {
      value = CellValue.parse(shown);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ", column " + column.stableName() + ": " + e.getMessage(), e);
    }
    if (!column.type().accepts(value.kind())) {
      throw new IllegalStateException(where + ", column " + column.stableName() + ": '" + shown + "' is "
          + value.kind() + ", not what a " + column.type() + " column holds");
    }
    return value;
  }
}
