package io.github.scansante.report;

import io.github.scansante.page.SiteColumn;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** Where each known column sits in one data file, read from its header. */
final class FileColumns {

  private final Map<SiteColumn, Integer> index;

  private FileColumns(Map<SiteColumn, Integer> index) {
    this.index = index;
  }

  /**
   * @throws IllegalStateException on an unknown or repeated header, or a missing column other than
   *     the optional ones: the master's meaning would silently change otherwise
   */
  static FileColumns of(List<String> header, String file) {
    Map<SiteColumn, Integer> index = new EnumMap<>(SiteColumn.class);
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      SiteColumn column = SiteColumn.forHeader(name).orElseThrow(() -> new IllegalStateException(
          file + ": unknown column '" + name + "'; teach " + SiteColumn.class.getSimpleName() + " its meaning before building the master"));
      if (index.put(column, i) != null) {
        throw new IllegalStateException(file + ": column '" + name + "' appears twice");
      }
    }
    for (SiteColumn column : SiteColumn.values()) {
      if (!index.containsKey(column) && !SiteColumn.OPTIONAL.contains(column)) {
        throw new IllegalStateException(file + ": no '" + column.siteHeader() + "' column");
      }
    }
    return new FileColumns(index);
  }

  /** The cell of this column, or {@code ""} when the file has no such column. */
  String cell(CSVRecord record, SiteColumn column) {
    Integer i = index.get(column);
    return i == null ? "" : record.get(i);
  }
}
