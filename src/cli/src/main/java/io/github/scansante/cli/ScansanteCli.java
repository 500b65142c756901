package io.github.scansante.cli;

import io.github.scansante.plan.PlanException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar scansante.jar}. */
@Command(name = "scansante", mixinStandardHelpOptions = true, version = "scansante-pipeline 1.0",
    description = "Polite, verified extraction of the ScanSanté MCO activity tables into CSV files.",
    subcommands = {RunCommand.class, CheckCommand.class, PlanCommand.class, ParseCommand.class, ServeCommand.class, SimulateCommand.class, DemoCommand.class})
public final class ScansanteCli implements Runnable {

  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit code: 0 done, 2 bad input, 3 no data table (parse), 1 failure. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new ScansanteCli());
    // A later option wins, as users expect from wrappers that prepend defaults.
    cli.setOverwrittenOptionsAllowed(true);
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("scansante: " + e.getMessage() + " (see --help)");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      PrintWriter err = command.getErr();
      if (e instanceof UsageException || e instanceof PlanException) {
        err.println("scansante: " + e.getMessage());
        return USAGE;
      }
      err.println("scansante: " + command.getCommandName() + " failed: " + e);
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
