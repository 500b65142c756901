package io.github.scansante.cli;

import io.github.scansante.replica.ReplicaServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Serve the replica of the site on 127.0.0.1 until stopped: seeded synthetic data, the site's failure modes, optional injected faults.")
class SimulateCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default replica.port; 0 = any free port).")
  Integer port;

  @Mixin ReplicaOptions replica;

  @Option(names = "--request-log", paramLabel = "FILE", description = "Append every request (time, query, status, fault) to this CSV file.")
  Path requestLog;

  @Override
  public Integer call() throws InterruptedException {
    ReplicaServer server = ReplicaServer.start(replica.config(port == null ? Integer.parseInt(Defaults.get("replica.port")) : port,
        requestLog));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "replica-stop"));
    System.out.println("Replica of the ScanSante MCO application on " + server.baseUri()
        + Defaults.get("site.landing-path") + " (Ctrl-C to stop)");
    server.awaitClose();
    return 0;
  }
}
