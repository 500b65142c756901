package io.github.scansante.text;

/** User text quoted in messages: one line, and never echoed in full when long. */
public final class UserText {

  /** Characters of a user's value shown in a message. */
  public static final int SHOWN = 80;

  private UserText() {}

  public static String clip(String value) {
    return clip(value, SHOWN);
  }

  /** At most {@code max} characters of the value, control characters shown as {@code ?}. */
  public static String clip(String value, int max) {
    if (value == null) {
      return "";
    }
    String shown = value.length() <= max ? value : value.substring(0, max);
    shown = shown.replaceAll("\\p{Cntrl}", "?");
    return value.length() <= max ? shown : shown + "… (" + value.length() + " characters)";
  }
}
