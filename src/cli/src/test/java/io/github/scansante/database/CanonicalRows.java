package io.github.scansante.database;

import io.github.scansante.output.CsvDialect;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of a file or a table as sorted lines of typed values, so that a CSV file and a database
 * table compare cell by cell: numbers by value, times as instants, NULL apart from empty text.
 */
final class CanonicalRows {

  private CanonicalRows() {}

  static List<String> ofFile(Path file, Table table) throws IOException {
    List<String> rows = new ArrayList<>();
    try (CSVParser parser = CsvDialect.open(file)) {
      for (CSVRecord r : parser) {
        List<String> cells = new ArrayList<>();
        for (Map.Entry<String, SqlType> c : table.columns().entrySet()) {
          cells.add(canonical(c.getValue(), r.get(c.getKey())));
        }
        rows.add(String.join("|", cells));
      }
    }
    rows.sort(null);
    return rows;
  }

  static List<String> ofQuery(Connection connection, String query, Table table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (String column : table.columns().keySet()) {
          cells.add(canonical(rs.getObject(column)));
        }
        rows.add(String.join("|", cells));
      }
    }
    rows.sort(null);
    return rows;
  }

  private static String canonical(SqlType type, String cell) {
    if (type == SqlType.TEXT) {
      return "'" + cell + "'";
    }
    if (cell.isEmpty()) {
      return "NULL";
    }
    return switch (type) {
      case INTEGER -> Long.toString(Long.parseLong(cell));
      case DOUBLE -> new BigDecimal(cell.replace(',', '.')).stripTrailingZeros().toPlainString();
      case TIMESTAMP -> Instant.parse(cell).truncatedTo(ChronoUnit.MICROS).toString(); // what databases store
      default -> cell;
    };
  }

  private static String canonical(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number n) {
      return Long.toString(n.longValue());
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant().toString();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    return value.toString();
  }
}
