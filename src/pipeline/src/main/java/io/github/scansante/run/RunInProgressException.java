package io.github.scansante.run;

/** A second run was asked for while one is in progress, or while the instance stops: only one runs at a time. */
public class RunInProgressException extends IllegalStateException {

  public RunInProgressException(String runId) {
    super("run " + runId + " is in progress; nothing started");
  }

  private RunInProgressException(String message, boolean stopping) {
    super(message);
  }

  static RunInProgressException stopping() {
    return new RunInProgressException("the instance is stopping; nothing started", true);
  }
}
