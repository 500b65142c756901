package io.github.scansante.cli;

/** Bad input from the user: reported as one line, exit code 2. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
