package io.github.scansante.site;

import org.apache.camel.Exchange;

/**
 * What the site steps need from the run in progress: the catalogue in force and the circuit state.
 * The run is carried on every exchange of the pass as the property {@link #PROPERTY}.
 */
public interface SiteSession {

  String PROPERTY = "run";

  SiteCatalogue catalogue();

  SiteCircuit circuit();

  /** Fails with the run's end when it was asked to stop or gave up: no new request is sent after it. */
  void checkRunning();

  /** Ends the run: the site is unreachable. */
  void giveUp(RuntimeException why);

  static SiteSession of(Exchange exchange) {
    SiteSession session = exchange.getProperty(PROPERTY, SiteSession.class);
    if (session == null) {
      throw new IllegalStateException("no run in progress on exchange " + exchange.getExchangeId());
    }
    return session;
  }
}
