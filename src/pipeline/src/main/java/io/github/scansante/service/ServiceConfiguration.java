package io.github.scansante.service;

import io.github.scansante.run.RunCoordinator;
import io.github.scansante.site.CircuitBreaker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.Registry;

/**
 * serve's HTTP face: the health checks of /observe/health, the meters that watch the runs, and the
 * beans of routes/service.yaml (status page, run form, output files). Runs after
 * PipelineConfiguration, whose beans it reads.
 */
public class ServiceConfiguration implements CamelConfiguration {

  @PropertyInject("output.dir") private String outputDir;
  @PropertyInject("http.enabled") private boolean httpEnabled;
  @PropertyInject("http.host") private String httpHost;
  @PropertyInject(value = "http.token-file", defaultValue = "") private String tokenFile;
  @PropertyInject("http.status.runs-shown") private int runsShown;
  @PropertyInject("http.status.refresh-seconds") private int refreshSeconds;
  @PropertyInject("health.min-free-bytes") private long minFreeBytes;
  @PropertyInject("schedule.time-zone") private String timeZone;

  @Override
  public void configure(CamelContext context) {
    Registry registry = context.getRegistry();
    Path output = Path.of(outputDir);
    ServiceMeters meters = registry.lookupByNameAndType("serviceMeters", ServiceMeters.class);
    RunCoordinator coordinator = registry.lookupByNameAndType("runCoordinator", RunCoordinator.class);
    CircuitBreaker circuit = registry.lookupByNameAndType("circuitBreaker", CircuitBreaker.class);

    SiteRequestWatch requests = new SiteRequestWatch(meters, Clock.systemUTC());
    context.getManagementStrategy().addEventNotifier(requests);
    RunStatus runs = new RunStatus(coordinator, output);
    watchRuns(meters, runs, circuit);

    for (HealthCheck check : healthChecks(requests, runs, output)) {
      registry.bind(check.getId() + "-check", check);
    }

    boolean loopback = isLoopback(httpHost);
    Optional<String> token = token();
    if (httpEnabled && !loopback && token.isEmpty()) {
      throw new IllegalStateException("http.host " + httpHost + " is not a loopback address: http.token-file must name the run form's token");
    }
    OutputFiles files = new OutputFiles(output);
    HttpTrigger trigger = new HttpTrigger(coordinator, context.createProducerTemplate(), token, loopback);
    registry.bind("outputFiles", files);
    registry.bind("httpTrigger", trigger);
    registry.bind("statusPage", new StatusPage(runs, new NextFire(context), files, trigger, ZoneId.of(timeZone), runsShown,
        refreshSeconds));
  }

  /**
   * The project's checks. A further one (a database, when there is one to reach) is one more
   * element: a {@link ProjectHealthCheck} whose doCall says UP or DOWN.
   */
  private List<HealthCheck> healthChecks(SiteRequestWatch requests, RunStatus runs, Path output) {
    return List.of(new SiteAnsweredCheck(requests), new LastRunCompletedCheck(runs), new OutputWritableCheck(output, minFreeBytes));
  }

  private static void watchRuns(ServiceMeters meters, RunStatus runs, CircuitBreaker circuit) {
    meters.count("circuit.openings", "Times the circuit breaker stopped requests to a site that looked down", circuit,
        CircuitBreaker::openings);
    meters.gauge("run.in.progress", "1 while a run is in progress", null, runs, r -> r.running() ? 1 : 0);
    meters.gauge("run.combinations.done", "Combinations finished in the run in progress", null, runs,
        r -> r.running() ? r.done() : 0);
    meters.gauge("run.combinations.planned", "Combinations planned in the run in progress", null, runs,
        r -> r.running() ? r.total() : 0);
    meters.gauge("last.run.duration", "Duration of the last completed run", "seconds", runs,
        r -> r.lastCompleted().map(c -> (double) c.elapsedSeconds()).orElse(Double.NaN));
    meters.gauge("last.success.timestamp", "When the last completed run ended (Unix time)", "seconds", runs,
        r -> r.lastCompleted().map(c -> (double) c.ended().getEpochSecond()).orElse(Double.NaN));
  }

  private Optional<String> token() {
    if (tokenFile == null || tokenFile.isBlank()) {
      return Optional.empty();
    }
    try {
      String first = Files.readAllLines(Path.of(tokenFile), StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
      if (first.isEmpty()) {
        throw new IllegalStateException("http.token-file " + tokenFile + " has no token on its first line");
      }
      return Optional.of(first);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read http.token-file " + tokenFile, e);
    }
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
