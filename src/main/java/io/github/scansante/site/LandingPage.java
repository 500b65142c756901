package io.github.scansante.site;

import org.apache.camel.Exchange;

/** The landing page step: read the form's codes, or fall back to the built-in catalogue. */
public final class LandingPage {

  private final ResponseReader reader;
  private final FormDiscovery discovery;
  private final SiteCatalogue catalogue;

  public LandingPage(ResponseReader reader, FormDiscovery discovery, SiteCatalogue catalogue) {
    this.reader = reader;
    this.discovery = discovery;
    this.catalogue = catalogue;
  }

  public void read(Exchange exchange) throws java.io.IOException {
    String url = exchange.getProperty(SiteRequests.URL, String.class);
    catalogue.useForm(discovery.read(reader.readText(exchange), url));
    forgetRequest(exchange);
  }

  public void unavailable(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    catalogue.useBuiltIn(failure == null ? "disabled by site.discover-form" : RetryPolicy.describe(failure));
    forgetRequest(exchange);
  }

  /** The run's exchange is copied into each combination's: the landing request must not leak into them. */
  private static void forgetRequest(Exchange exchange) {
    exchange.removeProperty(SiteRequests.URL);
    exchange.removeProperty(RetryPolicy.ATTEMPTS);
  }
}
