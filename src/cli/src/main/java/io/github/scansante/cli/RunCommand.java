package io.github.scansante.cli;

import io.github.scansante.run.RunSummary;
import io.github.scansante.run.Trigger;
import io.github.scansante.state.OutputLock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Extract the plan's tables into verified CSV files. Exits 0 when the pass completed, even if some combinations were dead-lettered; 4 when it stopped because none of its first answers could be verified.")
class RunCommand implements Callable<Integer> {

  @Mixin RunOptions options;

  @Override
  public Integer call() throws Exception {
    var overrides = options.overrides();
    try (OutputLock held = RunOptions.lockOutput(RunOptions.settings(overrides).output().dir(), "run")) {
      RunSummary summary = PipelineMain.runOnce(overrides, Trigger.CLI);
      System.out.println(summary.oneLine());
    }
    return ExitCodes.OK;
  }
}
