package io.github.scansante;

import io.github.scansante.cli.PipelineMain;
import java.util.Properties;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;

/** Camel Test on the real Main: the project's configurations, properties and routes, with a test's overrides. */
public abstract class PipelineMainTestSupport extends CamelMainTestSupport {

  @Override
  protected void configure(MainConfigurationProperties configuration) {
    PipelineMain.addConfigurations(configuration);
  }

  @Override
  protected String getPropertyPlaceholderLocations() {
    return PipelineMain.PROPERTY_LOCATIONS;
  }

  @Override
  public void configureContext(CamelContextConfiguration camel) {
    super.configureContext(camel);
    camel.withUseOverridePropertiesWithPropertiesComponent(overrides());
  }

  /** The properties this test sets over application.properties. */
  protected abstract Properties overrides();
}
