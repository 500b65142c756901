package io.github.scansante.run;

/** A second run was asked for while one is in progress: only one runs at a time. */
public class RunInProgressException extends IllegalStateException {
  public RunInProgressException(String runId) {
    super("run " + runId + " is in progress; nothing started");
  }
}
