package io.github.scansante;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real pages captured from the site live in the shared folder beside the repository, not in
 * it; each test that needs them is skipped, with the reason on the console, where they are absent.
 */
public final class Fixtures {

  /** Set by the build to the repository's {@code ../shared}; see the parent pom. */
  public static final String SHARED_PROPERTY = "scansante.shared";

  private Fixtures() {}

  /** The captured page {@code name}, or a skipped test when the fixtures are not present. */
  public static Path page(String name) {
    Path folder = folder();
    Assumptions.assumeTrue(Files.isDirectory(folder),
        () -> "real-site captures not found at " + folder + " (system property " + SHARED_PROPERTY + ")");
    return folder.resolve(name);
  }

  /**
   * The captures' folder: from the build's system property, else from the repository's top level,
   * found upwards from the working directory (a module's folder under Maven, the top level from an IDE).
   */
  static Path folder() {
    String configured = System.getProperty(SHARED_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured, "fixtures", "scansante").toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("routes"))) {
      dir = dir.getParent();
    }
    Path root = dir == null ? Path.of("").toAbsolutePath() : dir;
    return root.resolve("../shared/fixtures/scansante").normalize();
  }
}
