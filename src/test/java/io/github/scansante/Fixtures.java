package io.github.scansante;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real pages captured from the site live in the shared folder beside the project, not in the
 * repository; tests that need them are skipped, visibly, where that folder is absent.
 */
public final class Fixtures {

  /** Resolved from the working directory, which is the project root under Maven. */
  private static final Path SCANSANTE = Path.of("../shared/fixtures/scansante");

  private Fixtures() {}

  /** The captured page {@code name}, or a skipped test when the fixtures are not present. */
  public static Path page(String name) {
    Assumptions.assumeTrue(
        Files.isDirectory(SCANSANTE), "../shared/fixtures/scansante not present: fixture tests skipped");
    return SCANSANTE.resolve(name);
  }
}
