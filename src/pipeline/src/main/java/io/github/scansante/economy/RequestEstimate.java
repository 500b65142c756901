package io.github.scansante.economy;

import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How many results requests a plan needs, asked one by one, or with its zone tables derived from
 * national ones: every national table the zone tables need (whether or not the plan names it), plus
 * a sample of zone tables per year and category to check the derivation against the site. The
 * landing page is one more request either way.
 *
 * @param combinations the plan's combinations
 * @param zoneTables those of them at region or department level
 * @param naiveRequests every combination asked
 * @param nationalTables national tables asked when deriving (the plan's own and those derivation needs)
 * @param sampleRequests zone tables asked to verify the derivation
 */
public record RequestEstimate(long combinations, long zoneTables, long naiveRequests, long nationalTables,
    long sampleRequests) {

  private static final String NATIONAL = "fe";
  private static final String NATIONAL_ZONE = "99";
  private static final long SECONDS_PER_MINUTE = 60;
  private static final long SECONDS_PER_HOUR = 3_600;
  private static final long SECONDS_PER_DAY = 86_400;

  /** @param samplesPerYearAndBase zone tables asked per year and category to verify the derivation */
  public static RequestEstimate of(Plan plan, int samplesPerYearAndBase) {
    long combinations = 0;
    long zoneTables = 0;
    Set<String> national = new HashSet<>();
    Map<String, Long> zonesPerYearAndBase = new HashMap<>();
    for (Combination c : plan) {
      combinations++;
      if (ZoneDerivation.derivable(c.tgeo())) {
        zoneTables++;
        zonesPerYearAndBase.merge(c.annee() + "|" + c.base(), 1L, Long::sum);
        national.add(nationalOf(c).key());
      } else {
        national.add(c.key());
      }
    }
    long samples = zonesPerYearAndBase.values().stream().mapToLong(n -> Math.min(n, samplesPerYearAndBase)).sum();
    return new RequestEstimate(combinations, zoneTables, combinations, national.size(), samples);
  }

  /** The national table a zone table is derived from. */
  public static Combination nationalOf(Combination c) {
    return new Combination(c.annee(), NATIONAL, NATIONAL_ZONE, c.base(), c.groupingField(), c.groupingCode());
  }

  public long economicalRequests() {
    return nationalTables + sampleRequests;
  }

  /** A duration as people read it: {@code 10 d 0 h}, {@code 1 h 57 min}, {@code 4 min 2 s}, {@code 26 s}. */
  public static String words(Duration d) {
    long s = d.toSeconds();
    if (s >= SECONDS_PER_DAY) {
      return s / SECONDS_PER_DAY + " d " + s % SECONDS_PER_DAY / SECONDS_PER_HOUR + " h " + s % SECONDS_PER_HOUR / SECONDS_PER_MINUTE + " min";
    }
    if (s >= SECONDS_PER_HOUR) {
      return s / SECONDS_PER_HOUR + " h " + s % SECONDS_PER_HOUR / SECONDS_PER_MINUTE + " min";
    }
    return s >= SECONDS_PER_MINUTE ? s / SECONDS_PER_MINUTE + " min " + s % SECONDS_PER_MINUTE + " s" : s + " s";
  }

  /** The polite duration of this many requests, one per period, the landing page included. */
  public static Duration duration(long requests, Duration period) {
    return period.multipliedBy(requests + 1);
  }
}
