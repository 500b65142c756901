package io.github.scansante.report;

import io.github.scansante.Fixtures;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The captured pages the report tests use, parsed ({@link Fixtures} finds them or skips the test). */
final class ReportFixtures {

  static final String FRANCE_2024_PUBLIC = "2024_fe_99_bpub_tous.html";
  static final String EMPTY_TOTAL_ONLY = "2024_fe_99_bpub_empty-total-only.html";

  private ReportFixtures() {}

  /** The captured page {@code name}, parsed; the test is skipped when the fixtures are absent. */
  static ResultPage page(String name) {
    try {
      return new PageParser().parse(Files.readString(Fixtures.page(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
