package io.github.scansante.cli;

import io.github.scansante.config.Settings;
import io.github.scansante.replica.ReplicaServer;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Serve the replica of the site on 127.0.0.1 until stopped: seeded synthetic data, the site's failure modes, optional injected faults.")
class SimulateCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default replica.port: 8080; 0 = any free port).")
  Integer port;

  @Mixin ReplicaOptions replica;

  @Option(names = "--request-log", paramLabel = "FILE", description = "Append every request (time, query, status, fault) to this CSV file.")
  Path requestLog;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (port != null) {
      overrides.put("replica.port", port.toString());
    }
    Settings settings = RunOptions.settings(overrides, Map.of("replica.port", "--port"));
    int chosen = settings.demo().replicaPort();
    ReplicaServer server;
    try {
      server = ReplicaServer.start(replica.config(chosen, requestLog, settings.demo().seed()));
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof BindException) {
        throw new UsageException("port " + chosen + " is in use; choose another with --port (0 picks any free port)");
      }
      throw new UserFailure(ExitCodes.FAILURE, "cannot start the replica: " + UserMessages.cause(e)
          + "; check --port and --request-log", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "replica-stop"));
    System.out.println("Replica of the ScanSante MCO application on " + server.baseUri()
        + settings.site().landingPath() + " (Ctrl-C to stop)");
    server.awaitClose();
    return ExitCodes.OK;
  }
}
