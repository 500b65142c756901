package io.github.scansante.site;

import io.github.scansante.flow.CombinationWork;
import org.apache.camel.Exchange;

/** Prepares the message for one request to the site: the landing page or one combination's results. */
public final class SiteRequests {

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

  public String landingUrl() {
    return siteUrl + landingPath;
  }

  public void landing(Exchange exchange) {
    prepare(exchange, landingPath, null);
  }

  public void submit(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    String rawQuery = query.encode(work.combination());
    prepare(exchange, submitPath, rawQuery);
    work.requested(siteUrl + submitPath + "?" + rawQuery);
  }

  private static void prepare(Exchange exchange, String path, String rawQuery) {
    var message = exchange.getMessage();
    message.setBody(null);
    message.removeHeaders("*");
    message.setHeader(Exchange.HTTP_METHOD, "GET");
    message.setHeader(Exchange.HTTP_PATH, path);
    if (rawQuery != null) {
      message.setHeader(Exchange.HTTP_QUERY, rawQuery);
    }
  }
}
