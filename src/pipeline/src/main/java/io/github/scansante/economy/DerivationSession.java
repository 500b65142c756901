package io.github.scansante.economy;

import io.github.scansante.site.SiteSession;
import java.nio.file.Path;
import org.apache.camel.Exchange;

/** What the zone-table steps need from the run in progress: its derivations and its output folder. */
public interface DerivationSession {

  Derivations derivations();

  Path outputDir();

  static DerivationSession of(Exchange exchange) {
    DerivationSession session = exchange.getProperty(SiteSession.PROPERTY, DerivationSession.class);
    if (session == null) {
      throw new IllegalStateException("no run in progress on exchange " + exchange.getExchangeId());
    }
    return session;
  }
}
