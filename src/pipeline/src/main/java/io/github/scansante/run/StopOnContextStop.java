package io.github.scansante.run;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.CamelContextStoppingEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * When the context begins to stop (SIGTERM, Ctrl-C, {@code --for} elapsed, a JMX stop), the run in
 * progress stops taking combinations and is closed for resume before Camel waits for what is in flight.
 */
public final class StopOnContextStop extends EventNotifierSupport {

  private final RunCoordinator coordinator;
  private final long graceMs;
  private final Runnable abandonRequest;

  public StopOnContextStop(RunCoordinator coordinator, long graceMs, Runnable abandonRequest) {
    this.coordinator = coordinator;
    this.graceMs = graceMs;
    this.abandonRequest = abandonRequest;
    setIgnoreExchangeEvents(true);
    setIgnoreRouteEvents(true);
    setIgnoreServiceEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof CamelContextStoppingEvent;
  }

  @Override
  public void notify(CamelEvent event) {
    coordinator.stop(graceMs, abandonRequest);
  }
}
