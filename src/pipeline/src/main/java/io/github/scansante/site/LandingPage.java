package io.github.scansante.site;

import org.apache.camel.Exchange;

/**
 * The landing page step: read the form's codes into the run's catalogue, or fall back to the built-in
 * catalogue. It runs on a copy of the run's exchange (see run-pass), so its request leaves nothing in
 * the combinations'.
 */
public final class LandingPage {

  private final ResponseReader reader;
  private final FormDiscovery discovery;
  private final String url;

  public LandingPage(ResponseReader reader, FormDiscovery discovery, String url) {
    this.reader = reader;
    this.discovery = discovery;
    this.url = url;
  }

  public void read(Exchange exchange) throws java.io.IOException {
    SiteSession session = SiteSession.of(exchange);
    session.circuit().landingDone();
    session.catalogue().useForm(discovery.read(reader.readText(exchange), url));
  }

  public void unavailable(Exchange exchange) {
    SiteSession session = SiteSession.of(exchange);
    session.circuit().landingDone();
    Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    session.catalogue().useBuiltIn(failure == null ? "disabled by site.discover-form" : RetryPolicy.describe(failure));
  }
}
