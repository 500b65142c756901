package io.github.scansante.service;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;

/**
 * The project's own meters, named {@code scansante_…} in /observe/metrics. They live in the
 * Prometheus registry that camel-micrometer-prometheus scrapes, whichever of the two creates it.
 */
public final class ServiceMeters {

  static final String PREFIX = "scansante.";

  private final MeterRegistry registry;
  private final Map<Outcome, Counter> combinations = new EnumMap<>(Outcome.class);
  private final Counter retries;

  private ServiceMeters(MeterRegistry registry) {
    this.registry = registry;
    for (Outcome o : Outcome.values()) {
      combinations.put(o, Counter.builder(PREFIX + "combinations").description("Combinations finished, by outcome")
          .tag("outcome", o.label()).register(registry));
    }
    retries = Counter.builder(PREFIX + "retries").description("Requests to the site asked again after a failure").register(registry);
  }

  /** The meters on the context's Prometheus registry, which is bound under Camel's name if absent. */
  public static ServiceMeters bindTo(CamelContext context) {
    PrometheusMeterRegistry registry = context.getRegistry().lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
        PrometheusMeterRegistry.class);
    if (registry == null) {
      registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      context.getRegistry().bind(MicrometerConstants.METRICS_REGISTRY_NAME, registry);
    }
    return new ServiceMeters(registry);
  }

  /** Listener of the run journal: one finished combination. */
  public void combinationFinished(ManifestRow row) {
    combinations.get(row.outcome()).increment();
  }

  void requestAnswered(String status) {
    Counter.builder(PREFIX + "requests").description("Requests to the site, by HTTP status (no-answer: I/O error or time-out)")
        .tag("status", status).register(registry).increment();
  }

  void retried() {
    retries.increment();
  }

  /** A counter kept by the object it watches (read at each scrape). */
  <T> void count(String name, String description, T source, ToLongFunction<T> value) {
    FunctionCounter.builder(PREFIX + name, source, s -> value.applyAsLong(s)).description(description)
        .register(registry);
  }

  <T> void gauge(String name, String description, String unit, T source, ToDoubleFunction<T> value) {
    Gauge.builder(PREFIX + name, source, value).description(description).baseUnit(unit).strongReference(true).register(registry);
  }
}
