package io.github.scansante.plan;

/** A plan the user asked for cannot be built: unknown name, bad file, bad year range. */
public class PlanException extends IllegalArgumentException {
  public PlanException(String message) {
    super(message);
  }
}
