package io.github.scansante.database;

import io.github.scansante.database.SqlType.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the tables when absent and records the schema version; refuses, without touching
 * anything, a database whose tables have another shape or another version. Runs on the loading
 * transaction's connection, so that a refusal leaves the database as it was.
 */
final class Schema {

  private Schema() {}

  /** @throws SchemaMismatchException when a table of another shape or another schema version is there */
  static void ensure(Connection connection, Engine engine) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE IF NOT EXISTS " + Table.SCHEMA_TABLE + " (version " + SqlType.INTEGER.ddl(engine)
          + " NOT NULL, applied_at " + SqlType.TIMESTAMP.ddl(engine) + " NOT NULL)");
      List<Long> versions = new ArrayList<>();
      try (ResultSet rs = sql.executeQuery("SELECT version FROM " + Table.SCHEMA_TABLE)) {
        while (rs.next()) {
          versions.add(rs.getLong(1));
        }
      }
      for (long version : versions) {
        if (version != Table.SCHEMA_VERSION) {
          throw new SchemaMismatchException("the database holds scansante schema version " + version
              + ", this version of the tool writes version " + Table.SCHEMA_VERSION + ": nothing loaded; rename or remove it"
              + " (or load into another database): the next pass loads every verified file of the folder");
        }
      }
      for (Table table : Table.ALL) {
        Map<String, String> found = columns(connection, table.name());
        if (found.isEmpty()) {
          sql.execute(table.createSql(engine));
          sql.execute(table.keyIndexSql());
        } else if (!found.equals(table.expectedShape(engine))) {
          throw new SchemaMismatchException("table " + table.name() + " already exists with another shape ("
              + difference(found, table.expectedShape(engine)) + "): nothing loaded; rename or drop it, or load into another database");
        }
      }
      if (versions.isEmpty()) {
        sql.execute("INSERT INTO " + Table.SCHEMA_TABLE + " VALUES (" + Table.SCHEMA_VERSION + ", current_timestamp)");
      }
    }
  }

  /** Column name to type, in order, of a table of the current schema; empty when there is no such table. */
  private static Map<String, String> columns(Connection connection, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      query.setString(1, table);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          columns.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return columns;
  }

  /** The first column that differs, in words. */
  private static String difference(Map<String, String> found, Map<String, String> expected) {
    List<String> foundNames = List.copyOf(found.keySet());
    List<String> expectedNames = List.copyOf(expected.keySet());
    for (int i = 0; i < Math.max(foundNames.size(), expectedNames.size()); i++) {
      String has = i < foundNames.size() ? foundNames.get(i) + " " + found.get(foundNames.get(i)) : "nothing";
      String wants = i < expectedNames.size() ? expectedNames.get(i) + " " + expected.get(expectedNames.get(i)) : "nothing";
      if (!has.equals(wants)) {
        return "column " + (i + 1) + " is " + has + ", expected " + wants;
      }
    }
    return "same columns";
  }
}
