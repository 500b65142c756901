package io.github.scansante.page;

/** What became of one combination. {@link #DATA} and {@link #DERIVED} write a data file. */
public enum Outcome {
  /** Verified table with at least one establishment: written. */
  DATA,
  /** The site answered a table holding only the Total row. */
  EMPTY,
  /** The site refused the query, or the form does not offer one of its codes. */
  REFUSED,
  /** The grouping line of the criteria echo is blank: the site ignored the grouping and sent the unfiltered table. */
  GROUPING_NOT_APPLIED,
  /** The answer is not a page we can read safely (garbage, wrong type, oversize, bad table). */
  MALFORMED,
  /** Transport failures (I/O, 5xx, 429) outlived the retries. */
  FAILED,
  /** Skipped by an incremental refresh: a frozen year already written and verified. */
  UNCHANGED,
  /** The criteria echo names another year, zone, category or grouping than asked, or lacks its line. */
  ECHO_MISMATCH,
  /**
   * Not requested: the site kept ignoring this grouping field or refusing this code in this run, or the
   * table cannot hold an establishment (its parent table is empty, or the national table has none in the zone).
   */
  SKIPPED,
  /** Not requested: a zone table taken from the verified national table of the same year, category and grouping. */
  DERIVED;

  /** Whether a combination with this outcome has a verified data file on disk (written now, or kept). */
  public boolean writesFile() {
    return this == DATA || this == UNCHANGED || this == DERIVED;
  }

  /** The name used in manifests and logs, e.g. {@code grouping-not-applied}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public static Outcome fromLabel(String label) {
    return valueOf(label.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
