package io.github.scansante.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The team's PostgreSQL database: {@code jdbc:postgresql://HOST:PORT/DB?user=U}, the password from
 * the environment ({@link #PASSWORD_VARIABLE}) or a file, never from the URL and never logged.
 * The pool is created unstarted: it opens its first connection when a load needs it.
 */
public final class PostgresConnection {

  public static final String PASSWORD_VARIABLE = "SCANSANTE_DB_PASSWORD";
  private static final String PREFIX = "jdbc:postgresql://";
  private static final int MILLIS_PER_SECOND = 1000;

  private PostgresConnection() {}

  /**
   * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or carries a password
   */
  public static void check(String url) {
    boolean wellFormed;
    try {
      wellFormed = url.startsWith(PREFIX) && URI.create(url.substring("jdbc:".length())).getHost() != null;
    } catch (IllegalArgumentException e) {
      wellFormed = false;
    }
    if (!wellFormed) {
      throw new IllegalArgumentException("the database URL must look like " + PREFIX + "HOST:PORT/DB?user=U, not '" + redact(url) + "'");
    }
    if (url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
      throw new IllegalArgumentException("the database URL must not carry the password: put it in the environment variable "
          + PASSWORD_VARIABLE + " or in a file named by database.password-file");
    }
  }

  /** Host, port and database only ({@code db.example.org:5432/scansante}): what a log line may show. */
  public static String redact(String url) {
    int query = url.indexOf('?');
    String withoutQuery = query < 0 ? url : url.substring(0, query);
    String address = withoutQuery.startsWith(PREFIX) ? withoutQuery.substring(PREFIX.length()) : withoutQuery;
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /**
   * @param passwordFile a file whose first line is the password; empty = use the environment
   * @param environment where {@link #PASSWORD_VARIABLE} is looked up
   */
  public static HikariDataSource dataSource(String url, String passwordFile, Map<String, String> environment,
      int poolSize, long connectTimeoutMs) {
    HikariDataSource pool = new HikariDataSource();
    if (url.isBlank()) {
      return pool; // never started: no PostgreSQL configured
    }
    check(url);
    pool.setPoolName("scansante-postgres");
    pool.setJdbcUrl(url);
    String password = password(passwordFile, environment::get);
    if (password != null) {
      pool.setPassword(password);
    }
    pool.setMaximumPoolSize(poolSize);
    pool.setConnectionTimeout(connectTimeoutMs);
    // A database that is down must not stop the run from starting: the load reports it later.
    pool.setInitializationFailTimeout(-1);
    pool.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectTimeoutMs / MILLIS_PER_SECOND)));
    // One multi-row INSERT per batch instead of one round trip per row.
    pool.addDataSourceProperty("reWriteBatchedInserts", "true");
    pool.addDataSourceProperty("ApplicationName", "scansante-pipeline");
    return pool;
  }

  static String password(String passwordFile, Function<String, String> environment) {
    if (passwordFile != null && !passwordFile.isBlank()) {
      try {
        return Files.readAllLines(Path.of(passwordFile), StandardCharsets.UTF_8).stream().findFirst().orElse("");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the database password file " + passwordFile, e);
      }
    }
    return environment.apply(PASSWORD_VARIABLE);
  }
}
