package io.github.scansante;

import io.github.scansante.config.SettingsSource;
import io.github.scansante.service.ServiceConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/**
 * Camel Test on the real Main: the project's configurations, properties and routes, with a test's
 * overrides, read as the context is made: after the test instance's fields and {@code @TempDir}s,
 * so a test may build its site or settings in instance fields, one context per test method.
 */
public abstract class PipelineMainTestSupport extends CamelMainTestSupport {

  @Override
  protected void configure(MainConfigurationProperties configuration) {
    // As the command line's PipelineMain: the pipeline's beans, then the service's that use them.
    configuration.addConfiguration(PipelineConfiguration.class);
    configuration.addConfiguration(ServiceConfiguration.class);
  }

  @Override
  protected String getPropertyPlaceholderLocations() {
    return SettingsSource.LOCATIONS;
  }

  /** The overrides are read here, as the context is made, rather than as the test instance is. */
  @Override
  protected CamelContext createCamelContext() throws Exception {
    camelContextConfiguration().withUseOverridePropertiesWithPropertiesComponent(overrides());
    return super.createCamelContext();
  }

  /** The properties this test sets over application.properties. */
  protected abstract Properties overrides();

  /** A run against a replica into a folder, without the throttle: the keys every route test starts from. */
  protected static Properties against(URI site, Path output) {
    Properties p = new Properties();
    p.setProperty("site.url", site.toString());
    p.setProperty("output.dir", output.toString());
    p.setProperty("throttle.disabled", "true");
    return p;
  }
}
