package io.github.scansante.config;

/**
 * How a run saves requests on tables known in advance.
 *
 * @param derive take region and department tables from the national table of the same year,
 *     category and grouping, once the site's own zone tables have confirmed it
 * @param samples zone tables asked per year and category to confirm the derivation (0 = trust it unverified)
 * @param prune skip tables that cannot hold an establishment: a grouping whose parent table is
 *     empty, a zone where the national table has none
 */
public record EconomySettings(boolean derive, int samples, boolean prune) {

  static final int MAX_SAMPLES = 1_000;

  static EconomySettings read(PropertyValues v) {
    return new EconomySettings(v.bool("derive.enabled"), v.wholeInt("derive.samples", 0, MAX_SAMPLES, "zone tables"),
        v.bool("prune.enabled"));
  }
}
