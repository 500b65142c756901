package io.github.scansante.cli;

import io.github.scansante.plan.PlanException;
import io.github.scansante.run.RunStoppedException;
import io.github.scansante.site.SiteUnreachableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar scansante.jar}. */
@Command(name = "scansante", mixinStandardHelpOptions = true, version = "scansante-pipeline 1.0",
    description = "Polite, verified extraction of the ScanSanté MCO activity tables into CSV files.",
    subcommands = {RunCommand.class, PlanCommand.class, ParseCommand.class, ServeCommand.class, SimulateCommand.class, DemoCommand.class})
public final class ScansanteCli implements Runnable {

  static final int USAGE = 2;
  /** The site did not answer: the run gave up, its journal kept for resume (sysexits EX_UNAVAILABLE). */
  static final int SITE_UNREACHABLE = 69;
  /** The run was stopped (SIGTERM, or the context stopping), its journal kept: 128 + SIGTERM, as the shell reports it. */
  static final int STOPPED = 143;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit code: 0 done, 2 bad input, 3 no data table (parse), 69 site unreachable, 143 stopped (130 on Ctrl-C, from the JVM), 1 failure. */
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
      if (e instanceof SiteUnreachableException) {
        err.println("scansante: " + command.getCommandName() + " gave up: " + e.getMessage()
            + "; the journal is kept: run the same command again to resume");
        return SITE_UNREACHABLE;
      }
      if (e instanceof RunStoppedException) {
        err.println("scansante: " + command.getCommandName() + " stopped: " + e.getMessage()
            + "; the manifest lists what was done: run the same command again to resume");
        return STOPPED;
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
