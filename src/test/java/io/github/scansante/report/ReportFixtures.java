package io.github.scansante.report;

import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real pages captured from the site live in the shared folder beside the project, not in the
 * repository; tests that need them are skipped, visibly, where that folder is absent.
 */
final class ReportFixtures {

  /** Resolved from the working directory, which is the project root under Maven. */
  private static final Path SCANSANTE = Path.of("../shared/fixtures/scansante");

  static final String FRANCE_2024_PUBLIC = "2024_fe_99_bpub_tous.html";
  static final String EMPTY_TOTAL_ONLY = "2024_fe_99_bpub_empty-total-only.html";

  private ReportFixtures() {}

  /** The captured page {@code name}, parsed; the test is skipped when the fixtures are absent. */
  static ResultPage page(String name) {
    Assumptions.assumeTrue(Files.isDirectory(SCANSANTE), SCANSANTE + " not present: fixture tests skipped");
    try {
      return new PageParser().parse(Files.readString(SCANSANTE.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
