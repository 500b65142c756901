package io.github.scansante.config;

import io.github.scansante.text.UserText;

/**
 * A property whose value is not allowed: names the key, the value (cut short, it may be hostile)
 * and what is allowed.
 */
public class InvalidSettingException extends IllegalArgumentException {

  private final String key;

  public InvalidSettingException(String key, String value, String allowed) {
    super(key + " = '" + UserText.clip(value) + "' is not allowed; " + allowed);
    this.key = key;
  }

  /** A rule that spans keys, with its own sentence. */
  public InvalidSettingException(String key, String message) {
    super(message);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
