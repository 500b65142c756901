package io.github.scansante.config;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Where the properties come from, in the order Camel resolves them: the command line's overrides,
 * JVM system properties, environment variables ({@code THROTTLE_PERIOD_MS} for
 * {@code throttle.period-ms}), ./application.properties, then the jar's copy. The files are read
 * as ISO-8859-1, as Camel reads them.
 */
public final class SettingsSource {

  /** The working directory's file wins key by key over the defaults the jar carries. */
  public static final String LOCATIONS = "file:application.properties;optional=true,classpath:application.properties";

  private SettingsSource() {}

  /** The properties of a running (or starting) Camel. */
  public static PropertyValues of(CamelContext context) {
    PropertiesComponent properties = context.getPropertiesComponent();
    return new PropertyValues(properties::resolveProperty, keys(properties));
  }

  /**
   * Camel's own resolver for the commands that run without Camel, set up as camel-main sets it up:
   * same locations, same override semantics. The context is built, never started.
   */
  public static PropertyValues standalone(Map<String, String> overrides) {
    DefaultCamelContext context = new DefaultCamelContext(false);
    context.build();
    PropertiesComponent properties = context.getPropertiesComponent();
    properties.setLocation(LOCATIONS);
    // As camel.component.properties.nested-placeholder = false does for camel-main: a {{...}} in a value stays literal.
    properties.setNestedPlaceholder(false);
    Set<String> fileKeys = keys(properties);
    Properties o = new Properties();
    o.putAll(overrides);
    properties.setOverrideProperties(o);
    return new PropertyValues(properties::resolveProperty, fileKeys);
  }

  private static Set<String> keys(PropertiesComponent properties) {
    return properties.loadProperties().stringPropertyNames().stream().collect(Collectors.toUnmodifiableSet());
  }
}
