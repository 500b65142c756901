package io.github.scansante.database;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Camel policy that runs the steps it wraps in one database transaction: camel-sql's statements
 * take the transaction's connection (Spring's JdbcTemplate joins a transaction bound to the
 * thread), so the load is all or nothing. The steps run on the caller's thread (the exchange is
 * marked transacted, which keeps Camel's processing synchronous), and any failure, thrown or
 * handled by an error handler, rolls the whole load back.
 */
public final class DatabaseTransaction implements Policy {

  private final TransactionTemplate template;

  public DatabaseTransaction(DataSourceTransactionManager manager) {
    this.template = new TransactionTemplate(manager);
  }

  @Override
  public void beforeWrap(Route route, NamedNode definition) {
    // Nothing to prepare.
  }

  @Override
  public Processor wrap(Route route, Processor processor) {
    return exchange -> template.executeWithoutResult(status -> {
      exchange.getExchangeExtension().setTransacted(true);
      try {
        processor.process(exchange);
      } catch (Exception e) {
        exchange.setException(e);
      }
      if (failed(exchange)) {
        status.setRollbackOnly();
      }
    });
  }

  private static boolean failed(Exchange exchange) {
    return exchange.getException() != null || exchange.getProperty(ExchangePropertyKey.EXCEPTION_CAUGHT) != null
        || exchange.isRollbackOnly();
  }
}
