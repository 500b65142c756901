package io.github.scansante.database;

/** The database already holds tables this tool did not make, or made in another version. */
public final class SchemaMismatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  SchemaMismatchException(String message) {
    super(message);
  }
}
