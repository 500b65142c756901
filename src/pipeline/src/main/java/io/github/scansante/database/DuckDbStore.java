package io.github.scansante.database;

import io.github.scansante.database.SqlType.Engine;
import io.github.scansante.output.CsvDialect;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scansante.duckdb}, an embedded database in the output folder (no server), and {@code
 * scansante_master.parquet} exported from it. A Camel bean: the pipeline calls {@link #load} after
 * the master is rebuilt.
 *
 * <p>DuckDB reads the CSV files itself ({@code read_csv}), which is far faster than inserting row by
 * row. Loading is incremental and in one transaction: only the combinations whose rows differ from
 * the master (another fetch, or gone from it) are replaced, so a pass that failed to load, or was
 * killed mid-load, leaves the previous state and the next pass loads what it missed.
 */
public final class DuckDbStore {

  public static final String FILE_NAME = "scansante.duckdb";
  public static final String PARQUET_FILE = "scansante_master.parquet";
  private static final long NANOS_PER_MILLI = 1_000_000;
  private static final Logger LOG = LoggerFactory.getLogger(DuckDbStore.class);

  private final String memoryLimit;

  /** @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 1GB}: beyond it DuckDB spills to disk */
  public DuckDbStore(String memoryLimit) {
    if (!memoryLimit.matches("\\d+(\\.\\d+)?\\s*[KMGT]i?B")) {
      throw new IllegalArgumentException("database.duckdb.memory-limit must be a size such as 1GB or 512MB, not '" + memoryLimit + "'");
    }
    this.memoryLimit = memoryLimit;
  }

  /** Loads the three tables from the CSV files at the root of {@code outputDir}, then writes the Parquet copy. */
  public void load(Path outputDir) throws SQLException, IOException {
    long started = System.nanoTime();
    Path database = outputDir.resolve(FILE_NAME);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
        Statement sql = connection.createStatement()) {
      sql.execute("SET memory_limit = '" + memoryLimit + "'");
      connection.setAutoCommit(false);
      Schema.ensure(connection, Engine.DUCKDB);
      String changes;
      long replaced;
      try {
        replaced = loadActivity(sql, outputDir);
        changes = "activity " + replaced + " combinations replaced, " + replaceByKey(sql, outputDir, Table.COMBINATIONS) + ", "
            + replaceByKey(sql, outputDir, Table.RUNS);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
      // The Parquet copy follows the table: rewritten only when the table changed (or is missing).
      boolean export = replaced > 0 || !Files.exists(outputDir.resolve(PARQUET_FILE));
      if (export) {
        exportParquet(sql, outputDir);
      }
      LOG.info("{}: {}; {} {}, in {} ms", FILE_NAME, changes, PARQUET_FILE, export ? "written" : "unchanged",
          (System.nanoTime() - started) / NANOS_PER_MILLI);
    }
  }

  /**
   * The combinations whose (source file, fetch time) differ between the master and the table are
   * replaced; those no longer in the master are removed: the table ends with exactly the master's rows.
   *
   * @return how many combinations were replaced or removed
   */
  private static long loadActivity(Statement sql, Path outputDir) throws SQLException, IOException {
    Table t = Table.ACTIVITY;
    if (!stage(sql, outputDir, t)) {
      return 0;
    }
    String unit = Table.quotedList(t.key()) + ", " + Table.quotedList(Table.ACTIVITY_VERSION);
    sql.execute("CREATE OR REPLACE TEMP TABLE fresh AS SELECT DISTINCT " + unit + " FROM incoming EXCEPT SELECT DISTINCT " + unit + " FROM activity");
    sql.execute("CREATE OR REPLACE TEMP TABLE stale AS SELECT DISTINCT " + unit + " FROM activity EXCEPT SELECT DISTINCT " + unit + " FROM incoming");
    // A combination with any change is replaced whole (joins, not correlated subqueries: linear in the rows).
    sql.execute("CREATE OR REPLACE TEMP TABLE replaced AS SELECT " + Table.quotedList(t.key()) + " FROM fresh UNION SELECT "
        + Table.quotedList(t.key()) + " FROM stale");
    sql.executeUpdate("DELETE FROM activity a USING replaced r WHERE " + sameKey(t, "r", "a"));
    sql.executeUpdate("INSERT INTO activity SELECT i.* FROM incoming i SEMI JOIN fresh f ON " + sameKey(t, "f", "i"));
    return count(sql, "SELECT count(*) FROM replaced");
  }

  /** The file's rows replace the table's rows with the same key; other rows stay. */
  private static String replaceByKey(Statement sql, Path outputDir, Table t) throws SQLException, IOException {
    if (!stage(sql, outputDir, t)) {
      return t.name() + " unchanged (no " + t.sourceFile() + ")";
    }
    sql.executeUpdate("DELETE FROM " + t.name() + " o USING incoming i WHERE " + sameKey(t, "i", "o"));
    int added = sql.executeUpdate("INSERT INTO " + t.name() + " SELECT * FROM incoming");
    return t.name() + " " + added + " rows";
  }

  /** Reads the table's file into the temporary table {@code incoming}, typed; false when there is no file. */
  private static boolean stage(Statement sql, Path outputDir, Table t) throws SQLException, IOException {
    Path file = outputDir.resolve(t.sourceFile());
    if (!Files.isRegularFile(file)) {
      return false;
    }
    String select = t.columns().entrySet().stream()
        .map(c -> c.getValue().fromText(Table.quote(c.getKey())) + " AS " + Table.quote(c.getKey()))
        .collect(Collectors.joining(", "));
    // Every cell read as text, then cast by the table's own types: nothing is guessed from samples.
    sql.execute("CREATE OR REPLACE TEMP TABLE incoming AS SELECT " + select + " FROM read_csv(" + literal(file)
        + ", header = true, all_varchar = true, delim = '" + CsvDialect.of(file).delimiter() + "', quote = '\"', escape = '\"')");
    return true;
  }

  /** Written under a temporary name and renamed, so that a reader never sees half a file. */
  private static void exportParquet(Statement sql, Path outputDir) {
    Path target = outputDir.resolve(PARQUET_FILE);
    Table t = Table.ACTIVITY;
    try {
      new OwnFiles(outputDir).replaceFile(target, temporary -> {
        try {
          sql.execute("COPY (SELECT * FROM activity ORDER BY " + Table.quotedList(t.key()) + ", finess) TO " + literal(temporary)
              + " (FORMAT parquet)");
        } catch (SQLException e) {
          throw new IOException("DuckDB could not export " + PARQUET_FILE, e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static String sameKey(Table t, String left, String right) {
    return t.key().stream().map(Table::quote).map(c -> left + "." + c + " = " + right + "." + c).collect(Collectors.joining(" AND "));
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (var rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A path as an SQL string literal: quotes doubled, so that no folder name can end the string. */
  private static String literal(Path path) {
    return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
  }
}
