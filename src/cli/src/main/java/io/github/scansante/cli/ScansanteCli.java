package io.github.scansante.cli;

import io.github.scansante.text.UserText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar scansante.jar}. */
@Command(name = "scansante", mixinStandardHelpOptions = true, version = "scansante-pipeline 1.0",
    description = "Polite, verified extraction of the ScanSanté MCO activity tables into CSV files.",
    subcommands = {RunCommand.class, CheckCommand.class, PlanCommand.class, ParseCommand.class, ServeCommand.class, SimulateCommand.class, DemoCommand.class})
public final class ScansanteCli implements Runnable {

  private static final int MESSAGE_CHARS = 300;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command and returns its exit code (see {@link ExitCodes}). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new ScansanteCli());
    // A later option wins, as users expect from wrappers that prepend defaults.
    cli.setOverwrittenOptionsAllowed(true);
    cli.setParameterExceptionHandler((e, a) -> {
      // picocli quotes the offending value: never echo a huge one in full.
      e.getCommandLine().getErr().println("scansante: " + UserText.clip(e.getMessage(), MESSAGE_CHARS) + " (see --help)");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      UserMessages.Failure failure = UserMessages.of(e, command.getCommandName());
      command.getErr().println("scansante: " + failure.message());
      return failure.exitCode();
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
