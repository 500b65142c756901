package io.github.scansante.database;

import io.github.scansante.database.SqlType.Engine;
import io.github.scansante.output.CsvDialect;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The steps of the PostgreSQL load that are not SQL statements: the schema check, which
 * combinations differ between the master and the database, and the rows to send, in batches.
 * Rows are streamed from the CSV files batch by batch, so memory does not grow with the master;
 * only one key and version per combination is held.
 */
public final class PostgresLoad {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresLoad.class);
  private final DataSource dataSource;
  private final int batchSize;

  /** What the activity table lacks or holds in excess, by combination. */
  public record ActivityChanges(List<Map<String, Object>> staleKeys, Set<List<Object>> freshKeys) {}

  public PostgresLoad(DataSource dataSource, int batchSize) {
    this.dataSource = dataSource;
    this.batchSize = batchSize;
  }

  /**
   * The statements the load route sends through camel-sql, as properties ({@code
   * {{database.sql.insert.activity}}}), generated from the tables' columns.
   */
  public static Map<String, String> statements() {
    Map<String, String> sql = new LinkedHashMap<>();
    for (Table t : Table.ALL) {
      sql.put("database.sql.insert." + t.name(), t.insertSql());
      sql.put("database.sql.delete." + t.name(), t.deleteByKeySql());
    }
    Table a = Table.ACTIVITY;
    sql.put("database.sql.loaded-versions", "SELECT DISTINCT " + Table.quotedList(a.key()) + ", "
        + Table.quotedList(Table.ACTIVITY_VERSION) + " FROM " + a.name());
    return sql;
  }

  /** Creates the tables when absent, on the transaction's connection; refuses a database of another shape. */
  public void ensureSchema() throws SQLException {
    Schema.ensure(DataSourceUtils.getConnection(dataSource), Engine.POSTGRES);
  }

  /**
   * Compares the (source file, fetch time) of each combination in the database ({@code loaded}: one
   * map per combination and version) with the master's.
   */
  public ActivityChanges activityChanges(List<Map<String, Object>> loaded, Path outputDir) {
    Table t = Table.ACTIVITY;
    Map<List<Object>, List<Object>> inDatabase = new HashMap<>();
    for (Map<String, Object> row : loaded) {
      inDatabase.put(values(row, t.key()), values(row, Table.ACTIVITY_VERSION));
    }
    Map<List<Object>, List<Object>> inMaster = new HashMap<>();
    Path master = outputDir.resolve(t.sourceFile());
    if (Files.isRegularFile(master)) {
      try (Rows rows = new Rows(master, t)) {
        while (rows.hasNext()) {
          Map<String, Object> row = rows.next();
          inMaster.putIfAbsent(values(row, t.key()), values(row, Table.ACTIVITY_VERSION));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + master, e);
      }
    }
    Set<List<Object>> fresh = new HashSet<>();
    inMaster.forEach((key, version) -> {
      if (!version.equals(inDatabase.get(key))) {
        fresh.add(key);
      }
    });
    // A combination with any change is replaced whole: its rows go, then the master's come in.
    List<Map<String, Object>> stale = new ArrayList<>();
    inDatabase.forEach((key, version) -> {
      if (fresh.contains(key) || !inMaster.containsKey(key)) {
        stale.add(keyMap(t, key));
      }
    });
    return new ActivityChanges(stale, fresh);
  }

  /** One line: what the load changed. */
  public void loaded(ActivityChanges changes) {
    LOG.info("PostgreSQL: activity {} combinations replaced or removed, {} loaded; combinations and runs replaced by key",
        changes.staleKeys().size(), changes.freshKeys().size());
  }

  /** The keys of the combinations whose rows must go, in batches. */
  public Iterator<List<Map<String, Object>>> staleKeys(ActivityChanges changes) {
    return batches(changes.staleKeys().iterator());
  }

  /** The master's rows of the combinations to (re)load, in batches, streamed from the file. */
  public Iterator<List<Map<String, Object>>> freshRows(ActivityChanges changes, Path outputDir) {
    if (changes.freshKeys().isEmpty()) {
      return Collections.emptyIterator();
    }
    Table t = Table.ACTIVITY;
    Rows rows = new Rows(outputDir.resolve(t.sourceFile()), t);
    return closing(batches(filter(rows, row -> changes.freshKeys().contains(values(row, t.key())))), rows);
  }

  /** Every row of the table's file, in batches; none when the file is absent. */
  public Iterator<List<Map<String, Object>>> fileRows(String table, Path outputDir) {
    Table t = table(table);
    Path file = outputDir.resolve(t.sourceFile());
    if (!Files.isRegularFile(file)) {
      return Collections.emptyIterator();
    }
    Rows rows = new Rows(file, t);
    return closing(batches(rows), rows);
  }

  private static Table table(String name) {
    return Table.ALL.stream().filter(t -> t.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + name));
  }

  private static List<Object> values(Map<String, Object> row, List<String> columns) {
    List<Object> values = new ArrayList<>(columns.size());
    for (String column : columns) {
      values.add(comparable(row.get(column)));
    }
    return values;
  }

  /** The driver's timestamps and the file's compare as instants; whole numbers as longs. */
  private static Object comparable(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Number n && !(value instanceof Double)) {
      return n.longValue();
    }
    return value;
  }

  private static Map<String, Object> keyMap(Table t, List<Object> key) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < t.key().size(); i++) {
      map.put(t.key().get(i), key.get(i));
    }
    return map;
  }

  private <T> Iterator<List<T>> batches(Iterator<T> items) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return items.hasNext();
      }

      @Override
      public List<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<T> batch = new ArrayList<>(batchSize);
        while (items.hasNext() && batch.size() < batchSize) {
          batch.add(items.next());
        }
        return batch;
      }
    };
  }

  private static <T> Iterator<T> filter(Iterator<T> items, java.util.function.Predicate<T> keep) {
    return new Iterator<>() {
      private T next;

      @Override
      public boolean hasNext() {
        while (next == null && items.hasNext()) {
          T item = items.next();
          if (keep.test(item)) {
            next = item;
          }
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
      }
    };
  }

  /** Camel's split closes an iterator that is Closeable when it is done with it, even on failure. */
  private static <T> Iterator<T> closing(Iterator<T> items, Closeable resource) {
    return new ClosingIterator<>(items, resource);
  }

  private record ClosingIterator<T>(Iterator<T> items, Closeable resource) implements Iterator<T>, Closeable {
    @Override
    public boolean hasNext() {
      boolean more = items.hasNext();
      if (!more) {
        close();
      }
      return more;
    }

    @Override
    public T next() {
      return items.next();
    }

    @Override
    public void close() {
      try {
        resource.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The rows of one of the pipeline's CSV files, typed as JDBC parameters. */
  private static final class Rows implements Iterator<Map<String, Object>>, Closeable {
    private final Table table;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    Rows(Path file, Table table) {
      this.table = table;
      try {
        this.parser = CsvDialect.open(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      List<String> missing = table.columns().keySet().stream().filter(c -> !parser.getHeaderNames().contains(c)).toList();
      if (!missing.isEmpty()) {
        closeQuietly();
        throw new IllegalStateException(file.getFileName() + " lacks the columns " + missing + " of table " + table.name());
      }
      this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
      return records.hasNext();
    }

    @Override
    public Map<String, Object> next() {
      return table.parameters(records.next().toMap());
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }

    private void closeQuietly() {
      try {
        parser.close();
      } catch (IOException ignored) {
        // Reporting the missing columns matters more.
      }
    }
  }
}
