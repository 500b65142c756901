package io.github.scansante.site;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Keeps the request's headers across a failed GET. camel-http builds its answer message before it
 * reads the body, and copies the request's headers onto it only once the body is read: a body cut
 * short leaves a message without them, CamelRedeliveryCounter included. The error handler counts
 * redeliveries in that header, so without it every retry would count as the first, for ever.
 */
public final class RequestHeaders {

  private static final String KEPT = "siteRequestHeaders";

  /** Before the GET. */
  public void keep(Exchange exchange) {
    exchange.setProperty(KEPT, new HashMap<>(exchange.getMessage().getHeaders()));
  }

  /** After a failed GET: the message carries the request's headers again, the redelivery count among them. */
  @SuppressWarnings("unchecked")
  public void restore(Exchange exchange) {
    Map<String, Object> kept = exchange.getProperty(KEPT, Map.class);
    if (kept != null) {
      kept.forEach(exchange.getMessage().getHeaders()::putIfAbsent);
    }
  }
}
