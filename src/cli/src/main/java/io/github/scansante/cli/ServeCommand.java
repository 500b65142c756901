package io.github.scansante.cli;

import io.github.scansante.ops.ExtractionControl;
import io.github.scansante.ops.LoopbackJmxConnector;
import io.github.scansante.run.RunCoordinator;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.ManagementAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Stay up: refresh the plan on a Quartz cron, and on demand through JMX (scansante:type=Extraction, operation triggerRun).")
class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  @Mixin RunOptions options;

  @Option(names = "--cron", paramLabel = "EXPR", description = "Quartz cron, seconds first (default schedule.cron: Monday 03:00 Europe/Paris).")
  String cron;

  @Option(names = "--jmx-port", paramLabel = "P", description = "Port of the JMX connector, on 127.0.0.1 only (default jmx.port: 1099).")
  Integer jmxPort;

  @Option(names = "--for", paramLabel = "D", description = "Stop after this long (e.g. 1h); default: until stopped.")
  String lifetime;

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = options.overrides();
    overrides.put("schedule.enabled", "true");
    if (cron != null) {
      overrides.put("schedule.cron", cron);
    }
    if (jmxPort != null) {
      overrides.put("jmx.port", jmxPort.toString());
    }
    if (lifetime != null) {
      overrides.put("camel.main.duration-max-seconds", Long.toString(Math.max(1, Durations.toMillis(lifetime, "--for") / 1000)));
    }
    int port = RunOptions.settings(overrides, Map.of("schedule.cron", "--cron", "jmx.port", "--jmx-port")).schedule().jmxPort();
    Main main = PipelineMain.create(overrides);
    main.addMainListener(new JmxExposure(port));
    main.run();
    return ExitCodes.OK;
  }

  /** Publishes the control MBean and the loopback connector while Camel is up. */
  private static final class JmxExposure extends MainListenerSupport {
    private final int port;
    private LoopbackJmxConnector connector;
    private ObjectName name;
    private ManagementAgent agent;

    JmxExposure(int port) {
      this.port = port;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
      CamelContext context = main.getCamelContext();
      try {
        agent = context.getManagementStrategy().getManagementAgent();
        if (agent == null) {
          throw new IllegalStateException("JMX is disabled (camel.main.jmx-enabled=false)");
        }
        name = new ObjectName(ExtractionControl.OBJECT_NAME);
        RunCoordinator coordinator = context.getRegistry().lookupByNameAndType("runCoordinator", RunCoordinator.class);
        agent.register(new ExtractionControl(coordinator, context.createProducerTemplate()), name);
        connector = LoopbackJmxConnector.start(port);
        LOG.info("JMX: {} at {} (JConsole: Remote Process 127.0.0.1:{})", ExtractionControl.OBJECT_NAME, connector.url(), port);
      } catch (Exception e) {
        LOG.error("JMX control unavailable: {}", e.getMessage());
      }
    }

    @Override
    public void beforeStop(BaseMainSupport main) {
      try {
        if (agent != null && name != null) {
          agent.unregister(name);
        }
        if (connector != null) {
          connector.close();
        }
      } catch (Exception e) {
        LOG.warn("Closing JMX: {}", e.getMessage());
      }
    }
  }
}
