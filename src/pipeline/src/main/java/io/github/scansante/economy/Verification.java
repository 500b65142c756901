package io.github.scansante.economy;

/**
 * Whether derived zone tables can be trusted for one year and category, decided by the site's own
 * zone tables: the first K zone tables are asked and compared with the derived ones. Derivation
 * is trusted once they match; one difference turns it off for good in the run; if the site refused
 * every sample, the derived tables stand, marked unverified. An answer that is neither (a failure,
 * an echo that does not match) decides nothing: the next zone table is asked instead.
 */
public final class Verification {

  /** Where the decision stands. */
  public enum State {
    /** Fewer than K samples have answered: the next zone table is asked and compared. */
    SAMPLING,
    /** At least one sample matched and none differed: zone tables are derived. */
    VERIFIED,
    /** The site refused every sample: zone tables are derived, marked unverified. */
    UNVERIFIED,
    /** A sample differed: every zone table is asked. */
    OFF
  }

  /** Starts the reason's part saying a derived table rests on samples that matched. */
  public static final String VERIFIED_BY = "verified: ";
  private final String what;
  private final int samples;
  private int matched;
  private int refused;
  private String difference;

  /**
   * @param what the year and category, e.g. {@code 2024 bpub}
   * @param samples K, zone tables to compare before deriving
   */
  public Verification(String what, int samples) {
    this.what = what;
    this.samples = samples;
  }

  public State state() {
    if (difference != null) {
      return State.OFF;
    }
    if (matched + refused < samples) {
      return State.SAMPLING;
    }
    return matched > 0 ? State.VERIFIED : State.UNVERIFIED;
  }

  public void matched() {
    matched++;
  }

  public void refused() {
    refused++;
  }

  /** The first difference seen turns derivation off; later ones are not kept. */
  public void differs(String where) {
    if (difference == null) {
      difference = where;
    }
  }

  public int matchedSamples() {
    return matched;
  }

  /** What the derived tables of this year and category rest on, for their manifest reason. */
  public String describe() {
    return switch (state()) {
      case SAMPLING -> "being verified against the site's zone tables of " + what;
      case VERIFIED -> VERIFIED_BY + matched + (matched == 1 ? " zone table" : " zone tables") + " of " + what
          + " asked of the site had the same cells" + (refused == 0 ? "" : " (" + refused + " refused)");
      case UNVERIFIED -> samples == 0 ? "unverified: derive.samples is 0"
          : "unverified: the site refused all " + refused + " zone tables of " + what + " asked to verify it";
      case OFF -> "derivation off for " + what + ": " + difference;
    };
  }
}
