package io.github.scansante.cli;

import io.github.scansante.run.NothingVerifiableException;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Extract the plan's tables into verified CSV files. Exits 0 when the pass completed, even if some combinations were dead-lettered; 4 when it stopped because none of its first answers could be verified.")
class RunCommand implements Callable<Integer> {

  /** The run stopped early: the site answers in a way nothing can be verified against. */
  static final int NOTHING_VERIFIABLE = 4;

  @Mixin RunOptions options;

  @Override
  public Integer call() throws Exception {
    var overrides = options.overrides();
    RunSummary summary;
    try {
      summary = PipelineMain.runOnce(overrides, RunCoordinator.CLI_TRIGGER);
    } catch (NothingVerifiableException e) {
      System.err.println("scansante: run " + e.getMessage());
      return NOTHING_VERIFIABLE;
    }
    System.out.println(summary.oneLine());
    return 0;
  }
}
