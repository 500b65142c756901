package io.github.scansante.site;

import org.apache.camel.Exchange;

/**
 * The landing page step: read the form's codes, or fall back to the built-in catalogue. It runs on
 * a copy of the run's exchange (see run-pass), so its request leaves nothing in the combinations'.
 */
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
  }

  public void unavailable(Exchange exchange) {
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    catalogue.useBuiltIn(failure == null ? "disabled by site.discover-form" : RetryPolicy.describe(failure));
  }
}
