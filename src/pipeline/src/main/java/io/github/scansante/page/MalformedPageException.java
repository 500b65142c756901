package io.github.scansante.page;

/**
 * The answer is not a results page we can read safely: bytes invalid in their charset, no results
 * area, or a data table whose shape cannot be trusted. {@link #getMessage()} is a short reason fit
 * for a manifest line.
 */
public class MalformedPageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedPageException(String reason) {
    super(reason);
  }

  public MalformedPageException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
