package io.github.scansante.run;

/** The run was asked to stop (SIGTERM, Ctrl-C, the context stopping): no new combination, journal kept. */
public final class RunStoppedException extends RuntimeException {

  public RunStoppedException(String message) {
    super(message);
  }
}
