package io.github.scansante.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in one line why a database was not loaded. The files of the pass are written by then and
 * stay; the next pass loads what this one missed. A Camel bean for the databases' error handler.
 */
public final class DatabaseFailures {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailures.class);
  /** PostgreSQL's SQLSTATE for a wrong password (28P01) or a refused login (28000). */
  private static final String AUTHENTICATION_CLASS = "28";

  /** @param database which database, as a log line may name it (no password) */
  public void notLoaded(Exchange exchange, String database) {
    Throwable e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    LOG.error("{} not loaded: {}; the files are written, the next pass loads what was missed", database, reason(e));
  }

  static String reason(Throwable e) {
    if (e == null) {
      return "unknown error";
    }
    // The innermost cause says it best: the pool and the transaction manager wrap the driver's error.
    String reason = null;
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof SchemaMismatchException) {
        return c.getMessage();
      }
      if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(AUTHENTICATION_CLASS)) {
        reason = "login refused (wrong user or password?): " + firstLine(sql.getMessage());
      } else if (c instanceof ConnectException || c instanceof UnknownHostException) {
        reason = "unreachable (" + firstLine(c.toString()) + ")";
      } else if (reason == null && c.getCause() == null) {
        reason = firstLine(c.getMessage() == null ? c.toString() : c.getMessage());
      }
    }
    return reason;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
