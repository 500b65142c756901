package io.github.scansante.cli;

import io.github.scansante.config.Settings;
import io.github.scansante.ops.ExtractionControl;
import io.github.scansante.ops.JmxCredentials;
import io.github.scansante.ops.LoopbackJmxConnector;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunJournal;
import io.github.scansante.state.OutputLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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
  static final String JMX_PASSWORD_FILE = "jmx.password";

  @Mixin RunOptions options;

  @Mixin HttpOptions http;

  @Option(names = "--cron", paramLabel = "EXPR", description = "Quartz cron, seconds first (default schedule.cron: Monday 03:00 Europe/Paris).")
  String cron;

  @Option(names = "--jmx-port", paramLabel = "P", description = "Port of the JMX connector, on 127.0.0.1 only (default jmx.port: 1099).")
  Integer jmxPort;

  @Option(names = "--jmx-password-file", paramLabel = "FILE", description = "JMX users, one 'user password' a line"
      + " (the JDK's format), readable by its owner only; user monitor is read-only. Default: generated in the"
      + " output's .scansante/jmx.password (jmx.password-file).")
  Path jmxPasswordFile;

  @Option(names = "--for", paramLabel = "D", description = "Stop after this long (e.g. 1h); default: until stopped.")
  String lifetime;

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = options.overrides();
    overrides.put("schedule.enabled", "true");
    http.addTo(overrides);
    if (cron != null) {
      overrides.put("schedule.cron", cron);
    }
    if (jmxPort != null) {
      overrides.put("jmx.port", jmxPort.toString());
    }
    if (jmxPasswordFile != null) {
      overrides.put("jmx.password-file", jmxPasswordFile.toString());
    }
    if (lifetime != null) {
      overrides.put("camel.main.duration-max-seconds", Long.toString(Math.max(1, Durations.toMillis(lifetime, "--for") / 1000)));
    }
    Settings settings = RunOptions.settings(overrides,
        Map.of("schedule.cron", "--cron", "jmx.port", "--jmx-port", "jmx.password-file", "--jmx-password-file"));
    // Held for serve's whole life: every run it triggers writes to the folder.
    try (OutputLock held = RunOptions.lockOutput(settings.output().dir(), "serve")) {
      JmxCredentials users = jmxUsers(settings);
      int port = settings.schedule().jmxPort();
      Main main = PipelineMain.create(overrides);
      main.addMainListener(new JmxExposure(port, users));
      main.run();
    }
    return ExitCodes.OK;
  }

  /** The users of the JMX connector: the file given, or the state folder's, created on first use. */
  private static JmxCredentials jmxUsers(Settings settings) {
    try {
      if (settings.schedule().jmxPasswordFile().isPresent()) {
        return JmxCredentials.read(settings.schedule().jmxPasswordFile().get());
      }
      Path output = Path.of(settings.output().dir());
      Path generated = output.resolve(RunJournal.STATE_DIR).resolve(JMX_PASSWORD_FILE);
      JmxCredentials users = JmxCredentials.generatedIn(generated);
      System.out.println("JMX users and passwords: " + generated + " (" + JmxCredentials.MONITOR + " reads, "
          + JmxCredentials.CONTROL + " may also trigger runs)");
      return users;
    } catch (JmxCredentials.UnusableFile e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Publishes the control MBean and the loopback connector while Camel is up. */
  private static final class JmxExposure extends MainListenerSupport {
    private final int port;
    private final JmxCredentials users;
    private LoopbackJmxConnector connector;
    private ObjectName name;
    private ManagementAgent agent;

    JmxExposure(int port, JmxCredentials users) {
      this.port = port;
      this.users = users;
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
        connector = LoopbackJmxConnector.start(port, users, Set.of(JmxCredentials.MONITOR));
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
