package io.github.scansante.cli;

import io.github.scansante.PipelineConfiguration;
import io.github.scansante.config.SettingsSource;
import io.github.scansante.ops.RunRoutes;
import io.github.scansante.service.ServiceConfiguration;
import io.github.scansante.run.RunStoppedException;
import io.github.scansante.run.RunSummary;
import io.github.scansante.run.Trigger;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.main.MainListenerSupport;

/**
 * Camel Main set up for the pipeline: properties from ./application.properties (if any) then the
 * jar's copy, with the command line's overrides on top.
 */
public final class PipelineMain {

  /** The working directory's file wins key by key over the defaults the jar carries. */
  public static final String PROPERTY_LOCATIONS = SettingsSource.LOCATIONS;

  private PipelineMain() {}

  public static Main create(Map<String, String> overrides) {
    Main main = new Main();
    addConfigurations(main.configure());
    main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
    overrides.forEach(main::addOverrideProperty);
    return main;
  }

  /** The bean configurations the routes need, in dependency order (also for tests that boot Main their own way). */
  public static void addConfigurations(MainConfigurationProperties configuration) {
    configuration.addConfiguration(PipelineConfiguration.class);
    configuration.addConfiguration(ServiceConfiguration.class);
  }

  /** Runs one pass of the plan and stops: the batch mode of {@code run} and {@code demo}. */
  public static RunSummary runOnce(Map<String, String> overrides, Trigger trigger) throws Exception {
    Main main = create(overrides);
    AtomicReference<RunSummary> summary = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    main.addMainListener(new MainListenerSupport() {
      @Override
      public void afterStart(BaseMainSupport started) {
        // Never block Camel's startup thread: the pass runs on its own thread, then ends Main.
        Thread pass = new Thread(() -> {
          try {
            Object result = started.getCamelContext().createProducerTemplate().requestBody(RunRoutes.RUN, trigger);
            if (result instanceof RuntimeException endedEarly) {
              throw endedEarly;
            }
            summary.set((RunSummary) result);
          } catch (Throwable e) {
            failure.set(e);
          } finally {
            main.completed();
          }
        }, "scansante-run");
        pass.start();
      }
    });
    main.run();
    if (failure.get() != null) {
      Throwable cause = failure.get();
      while (cause.getCause() != null && cause instanceof org.apache.camel.CamelExecutionException) {
        cause = cause.getCause();
      }
      throw cause instanceof Exception e ? e : new IllegalStateException(cause);
    }
    if (summary.get() == null) {
      throw new RunStoppedException("the run stopped before the end of its pass");
    }
    return summary.get();
  }
}
