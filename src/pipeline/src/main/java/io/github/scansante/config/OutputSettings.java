package io.github.scansante.config;

import io.github.scansante.output.CsvDialect;
import io.github.scansante.run.RefreshPolicy;

/** Where the files go, in which CSV dialect, what a command-line run asks again, whether it resumes, and how often progress is shown. */
public record OutputSettings(String dir, RefreshPolicy.Mode refresh, boolean restart, CsvDialect csvDialect,
    long progressIntervalMs) {

  static final long MIN_PROGRESS_MS = 100;
  static final long MAX_PROGRESS_MS = 86_400_000;

  static OutputSettings read(PropertyValues v) {
    return new OutputSettings(
        v.nonBlank("output.dir", "use the path of a folder"),
        v.choice("output.refresh", RefreshPolicy.Mode.class),
        v.bool("output.restart"),
        csvDialect(v),
        v.whole("progress.interval-ms", MIN_PROGRESS_MS, MAX_PROGRESS_MS, "milliseconds"));
  }

  private static CsvDialect csvDialect(PropertyValues v) {
    String dialect = v.text("output.csv-dialect");
    try {
      return CsvDialect.parse(dialect);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException("output.csv-dialect", dialect, "use standard or excel-fr");
    }
  }
}
