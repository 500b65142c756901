package io.github.scansante.database;

import io.github.scansante.database.SqlType.Engine;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.SiteColumn;
import io.github.scansante.report.MasterTable;
import io.github.scansante.run.RunHistory;
import io.github.scansante.run.RunJournal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One table of the analysts' databases: the CSV file it mirrors, its columns with their types, and
 * the key by which a pass replaces rows (so loading the same files twice duplicates nothing).
 *
 * @param name table name
 * @param sourceFile the file at the root of the output folder it is loaded from
 * @param columns every column in file order, with its type
 * @param key the columns whose values name the unit a pass replaces (a combination, a run)
 */
record Table(String name, String sourceFile, Map<String, SqlType> columns, List<String> key) {

  /** Bumped whenever a table's columns change: a database holding another version is not touched. */
  static final int SCHEMA_VERSION = 2;
  static final String SCHEMA_TABLE = "scansante_schema";

  /** The master's columns that tell which fetch of a combination its rows come from. */
  static final List<String> ACTIVITY_VERSION = List.of("source_file", "fetched_at");

  static final Table ACTIVITY = new Table("activity", MasterTable.FILE_NAME, activityColumns(),
      List.of("annee", "niveau_geo", "code_zone", "base", "regroupement", "code_regroupement"));
  static final Table COMBINATIONS = new Table("combinations", RunJournal.MANIFEST,
      typed(ManifestRow.HEADER, Map.of("annee", SqlType.INTEGER, "rows", SqlType.INTEGER, "attempts", SqlType.INTEGER,
          "fetched_at", SqlType.TIMESTAMP, "site_updated", SqlType.DATE, "frozen", SqlType.BOOLEAN)),
      List.of("annee", "tgeo", "codegeo", "base", "typrgp", "field", "value"));
  static final Table RUNS = new Table("runs", RunJournal.RUNS, runColumns(), List.of("run_id"));

  static final List<Table> ALL = List.of(ACTIVITY, COMBINATIONS, RUNS);

  String createSql(Engine engine) {
    return "CREATE TABLE IF NOT EXISTS " + name + " (" + columns.entrySet().stream()
        .map(c -> quote(c.getKey()) + " " + c.getValue().ddl(engine)).collect(Collectors.joining(", ")) + ")";
  }

  String keyIndexSql() {
    return "CREATE INDEX IF NOT EXISTS " + name + "_key ON " + name + " (" + quotedList(key) + ")";
  }

  /** Named parameters for camel-sql: {@code :#annee}. */
  String insertSql() {
    return "INSERT INTO " + name + " (" + quotedList(List.copyOf(columns.keySet())) + ") VALUES ("
        + columns.keySet().stream().map(c -> ":#" + c).collect(Collectors.joining(", ")) + ")";
  }

  String deleteByKeySql() {
    return "DELETE FROM " + name + " WHERE " + key.stream().map(c -> quote(c) + " = :#" + c).collect(Collectors.joining(" AND "));
  }

  /** Which columns the table must have, and of which type, for this tool to write into it. */
  Map<String, String> expectedShape(Engine engine) {
    Map<String, String> shape = new LinkedHashMap<>();
    columns.forEach((column, type) -> shape.put(column, type.reported(engine)));
    return shape;
  }

  /** The type of each cell of a row read from the source file, as a JDBC parameter. */
  Map<String, Object> parameters(Map<String, String> cells) {
    Map<String, Object> parameters = new LinkedHashMap<>(columns.size() * 2);
    columns.forEach((column, type) -> parameters.put(column, type.parameter(cells.get(column))));
    return parameters;
  }

  static String quote(String column) {
    return '"' + column.replace("\"", "\"\"") + '"';
  }

  static String quotedList(List<String> names) {
    return names.stream().map(Table::quote).collect(Collectors.joining(", "));
  }

  private static Map<String, SqlType> activityColumns() {
    Map<String, SqlType> types = new LinkedHashMap<>(Map.of("annee", SqlType.INTEGER, "masked_low", SqlType.INTEGER,
        "masked_high", SqlType.INTEGER, "fetched_at", SqlType.TIMESTAMP, "site_updated", SqlType.DATE));
    for (SiteColumn c : SiteColumn.values()) {
      types.put(c.stableName(), switch (c.type()) {
        case TEXT -> SqlType.TEXT;
        case COUNT -> SqlType.INTEGER;
        case DECIMAL, PROPORTION -> SqlType.DOUBLE;
      });
    }
    return typed(MasterTable.HEADER, types);
  }

  private static Map<String, SqlType> runColumns() {
    Set<String> text = Set.of("run_id", "status", "trigger", "plan");
    Set<String> times = Set.of("started", "ended");
    Map<String, SqlType> types = new LinkedHashMap<>();
    for (String column : RunHistory.header()) {
      types.put(column, text.contains(column) ? SqlType.TEXT : times.contains(column) ? SqlType.TIMESTAMP : SqlType.INTEGER);
    }
    return types;
  }

  /** The header's columns in order; those not named in {@code types} are text. */
  private static Map<String, SqlType> typed(List<String> header, Map<String, SqlType> types) {
    Map<String, SqlType> columns = new LinkedHashMap<>();
    header.forEach(column -> columns.put(column, types.getOrDefault(column, SqlType.TEXT)));
    return columns;
  }
}
