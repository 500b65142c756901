package io.github.scansante.config;

import io.github.scansante.database.PostgresConnection;
import java.util.regex.Pattern;

/**
 * The analysts' databases loaded after every pass: DuckDB in the output folder, and a team's
 * PostgreSQL when {@code url} is set.
 *
 * @param url a PostgreSQL JDBC URL without password, or empty for none
 * @param passwordFile the file whose first line is the password, or empty (then SCANSANTE_DB_PASSWORD)
 */
public record DatabaseSettings(boolean duckDbEnabled, String duckDbMemoryLimit, String url, String passwordFile,
    int poolSize, long connectTimeoutMs, int batchSize) {

  static final int MAX_POOL_SIZE = 64;
  static final long MAX_CONNECT_TIMEOUT_MS = 600_000;
  static final int MAX_BATCH_SIZE = 100_000;
  // DuckDB's own memory_limit syntax: a number and a unit.
  private static final Pattern MEMORY = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?\\s?(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

  static DatabaseSettings read(PropertyValues v) {
    String url = v.text("database.url");
    if (!url.isEmpty()) {
      try {
        PostgresConnection.check(url);
      } catch (IllegalArgumentException e) {
        // Its message never repeats a password the URL may carry.
        throw new InvalidSettingException("database.url", e.getMessage());
      }
    }
    return new DatabaseSettings(
        v.bool("database.duckdb.enabled"),
        v.matching("database.duckdb.memory-limit", MEMORY, "use a size such as 512MB or 2GB"),
        url,
        v.text("database.password-file"),
        v.wholeInt("database.pool-size", 1, MAX_POOL_SIZE, "connections"),
        v.whole("database.connect-timeout-ms", 1, MAX_CONNECT_TIMEOUT_MS, "milliseconds"),
        v.wholeInt("database.batch-size", 1, MAX_BATCH_SIZE, "rows"));
  }
}
