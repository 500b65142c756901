package io.github.scansante.site;

import io.github.scansante.plan.Combination;
import org.apache.camel.Exchange;

/** Prepares the message for one request to the site: the landing page or one combination's results. */
public final class SiteRequests {

  public static final String COMBINATION = "combination";
  public static final String URL = "url";

  private final String siteUrl;
  private final String landingPath;
  private final String submitPath;
  private final SiteQuery query;

  public SiteRequests(String siteUrl, String landingPath, String submitPath, SiteQuery query) {
    this.siteUrl = siteUrl;
    this.landingPath = landingPath;
    this.submitPath = submitPath;
    this.query = query;
  }

  public void landing(Exchange exchange) {
    prepare(exchange, landingPath, null);
  }

  public void submit(Exchange exchange) {
    Combination c = exchange.getProperty(COMBINATION, Combination.class);
    prepare(exchange, submitPath, query.encode(c));
  }

  private void prepare(Exchange exchange, String path, String rawQuery) {
    var message = exchange.getMessage();
    message.setBody(null);
    message.removeHeaders("*");
    message.setHeader(Exchange.HTTP_METHOD, "GET");
    message.setHeader(Exchange.HTTP_PATH, path);
    if (rawQuery != null) {
      message.setHeader(Exchange.HTTP_QUERY, rawQuery);
    }
    exchange.setProperty(URL, siteUrl + path + (rawQuery == null ? "" : "?" + rawQuery));
    exchange.setProperty(RetryPolicy.ATTEMPTS, 0);
  }
}
