package io.github.scansante.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/** When Quartz fires next, for the status page: the earliest next fire time of the context's Quartz triggers. */
public final class NextFire {

  private final CamelContext context;

  public NextFire(CamelContext context) {
    this.context = context;
  }

  public Optional<Instant> next() {
    return context.getEndpoints().stream().filter(QuartzEndpoint.class::isInstance).map(QuartzEndpoint.class::cast)
        .map(NextFire::nextOf).flatMap(Optional::stream).min(Instant::compareTo);
  }

  private static Optional<Instant> nextOf(QuartzEndpoint endpoint) {
    try {
      if (endpoint.getComponent().getScheduler() == null || endpoint.getTriggerKey() == null) {
        return Optional.empty();
      }
      Trigger trigger = endpoint.getComponent().getScheduler().getTrigger(endpoint.getTriggerKey());
      return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).filter(Objects::nonNull).map(d -> d.toInstant());
    } catch (SchedulerException e) {
      return Optional.empty();
    }
  }
}
