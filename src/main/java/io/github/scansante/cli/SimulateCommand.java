package io.github.scansante.cli;

import io.github.scansante.replica.FaultSpec;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Serve the replica of the site on 127.0.0.1 until stopped: seeded synthetic data, the site's failure modes, optional injected faults.")
class SimulateCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default replica.port; 0 = any free port).")
  Integer port;

  @Option(names = "--faults", paramLabel = "SPEC", description = "Injected faults, e.g. 503:every=5:retry-after=1,429:rate=0.05,reset:every=7,truncate:every=11,slow:every=13:ms=3000")
  String faults;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the synthetic dataset (default demo.seed).")
  Long seed;

  @Option(names = "--request-log", paramLabel = "FILE", description = "Append every request (time, query, status, fault) to this CSV file.")
  Path requestLog;

  @Override
  public Integer call() throws InterruptedException {
    ReplicaServer replica = ReplicaServer.start(config(port == null ? Integer.parseInt(Defaults.get("replica.port")) : port,
        faults, seed, requestLog));
    Runtime.getRuntime().addShutdownHook(new Thread(replica::close, "replica-stop"));
    System.out.println("Replica of the ScanSante MCO application on " + replica.baseUri()
        + Defaults.get("site.landing-path") + " (Ctrl-C to stop)");
    replica.awaitClose();
    return 0;
  }

  static ReplicaConfig config(int port, String faults, Long seed, Path requestLog) {
    try {
      ReplicaConfig.Builder b = ReplicaConfig.builder().port(port)
          .seed(seed != null ? seed : Long.parseLong(Defaults.get("demo.seed")))
          .faults(faults == null ? FaultSpec.NONE : FaultSpec.parse(faults));
      if (requestLog != null) {
        b.requestLogFile(requestLog);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
