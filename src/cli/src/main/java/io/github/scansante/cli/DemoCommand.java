package io.github.scansante.cli;

import io.github.scansante.config.DemoSettings;
import io.github.scansante.config.Settings;
import io.github.scansante.database.DuckDbStore;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.run.RunJournal;
import io.github.scansante.run.RunSummary;
import io.github.scansante.run.Trigger;
import io.github.scansante.state.OutputLock;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the replica on a free port and run the strategic plan against it: the whole pipeline over real HTTP, in well under a minute.")
class DemoCommand implements Callable<Integer> {

  private static final String DEMO_PLAN = "strategic";

  @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default demo.output-dir: donnees_scansante_demo).")
  String output;

  @Option(names = "--delay", paramLabel = "D", description = "Time between request starts (default demo.delay-ms: 50ms).")
  String delay;

  @Option(names = "--plan", paramLabel = "P", description = "Plan to run (default strategic).")
  String plan;

  @Option(names = "--database", paramLabel = "JDBC-URL", description = "Also load a PostgreSQL database (see run --help).")
  String database;

  @Option(names = "--csv-dialect", paramLabel = "D", description = "standard (comma; default) or excel-fr (semicolon, decimal comma).")
  String csvDialect;

  @Mixin ReplicaOptions replicaOptions;

  @Override
  public Integer call() throws Exception {
    DemoSettings demo = RunOptions.settings(Map.of()).demo();
    String dir = output != null ? output : demo.outputDir();
    long delayMs = delay != null ? Durations.toMillis(delay, "--delay") : demo.delayMs();
    String planName = plan != null ? plan : DEMO_PLAN;
    try (OutputLock held = RunOptions.lockOutput(dir, "demo");
        ReplicaServer replica = ReplicaServer.start(replicaOptions.config(0, null, demo.seed()))) {
      Map<String, String> overrides = new LinkedHashMap<>(Map.of(
          "site.url", replica.baseUri().toString(),
          "output.dir", dir,
          "plan.name", planName,
          "output.refresh", "all",
          "throttle.disabled", Boolean.toString(delayMs == 0),
          "retry.initial-delay-ms", Long.toString(demo.retryDelayMs()),
          "circuit.initial-pause-ms", Long.toString(Math.max(1, demo.retryDelayMs()))));
      if (delayMs > 0) {
        overrides.put("throttle.period-ms", Long.toString(delayMs));
      }
      Map<String, String> options = new LinkedHashMap<>(Map.of("throttle.period-ms", "--delay", "plan.name", "--plan"));
      RunOptions.putDatabase(overrides, options, database, csvDialect);
      Settings settings = RunOptions.settings(overrides, options);
      RunOptions.checkPlan(settings.plan());
      System.out.println("Replica of the site on " + replica.baseUri() + " (synthetic data); plan " + planName
          + ", one request every " + delayMs + " ms");
      RunSummary summary = PipelineMain.runOnce(overrides, Trigger.DEMO);
      Path root = Path.of(dir).toAbsolutePath();
      System.out.println(summary.oneLine());
      System.out.println("Files:        " + root);
      System.out.println("Manifest:     " + root.resolve(RunJournal.MANIFEST));
      System.out.println("Dead letters: " + root.resolve(RunJournal.DEAD_LETTERS));
      System.out.println("Database:     " + root.resolve(DuckDbStore.FILE_NAME) + " (and " + DuckDbStore.PARQUET_FILE + ")");
    }
    return ExitCodes.OK;
  }
}
