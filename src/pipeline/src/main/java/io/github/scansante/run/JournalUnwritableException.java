package io.github.scansante.run;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The run cannot record what it did (a full disk, a folder made read-only): it pauses, with its
 * journal as it stands, and the next run resumes it. Going on would ask the site for answers that
 * could not be kept.
 */
public final class JournalUnwritableException extends RuntimeException {

  private final transient Path file;

  public JournalUnwritableException(Path file, IOException cause) {
    super("cannot write " + file + " (" + describe(cause) + ")", cause);
    this.file = file;
  }

  public Path file() {
    return file;
  }

  private static String describe(IOException cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? "input/output error" : message;
  }
}
