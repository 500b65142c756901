package io.github.scansante.cli;

/** A failure the user meets, already put as one sentence (cause, and what to do), with its exit code. */
class UserFailure extends RuntimeException {

  private final int exitCode;

  UserFailure(int exitCode, String sentence, Throwable cause) {
    super(sentence, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
