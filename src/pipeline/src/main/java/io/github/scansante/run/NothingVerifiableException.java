package io.github.scansante.run;

/** The run stopped early: none of its first answered pages could be verified. */
public final class NothingVerifiableException extends RuntimeException {

  public NothingVerifiableException(String message) {
    super(message);
  }
}
