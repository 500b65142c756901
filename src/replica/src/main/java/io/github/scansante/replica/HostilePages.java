package io.github.scansante.replica;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The bodies of the hostile-page faults that are not reshaped results pages. */
final class HostilePages {

  /** Big enough to look like a page, small enough to be quick. */
  private static final int GARBAGE_BYTES = 64 * 1024;
  private static final byte[] JSON = "{\"status\": \"ok\", \"message\": \"Votre requête a été traitée\", \"data\": []}\n"
      .getBytes(StandardCharsets.UTF_8);

  private HostilePages() {}

  /** Random bytes, the same for the same seed and query. */
  static byte[] garbage(long seed, String query) {
    byte[] bytes = new byte[GARBAGE_BYTES];
    new SplittableRandom(seed ^ query.hashCode()).nextBytes(bytes);
    return bytes;
  }

  /** A JSON answer, as an API gateway or a misrouted request gives. */
  static byte[] json() {
    return JSON.clone();
  }

  /** The page's characters in ISO-8859-1 bytes; what ISO-8859-1 cannot hold becomes '?'. */
  static byte[] latin1(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
  }
}
