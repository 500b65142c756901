package io.github.scansante.replica;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One year of activity: for each establishment, the non-zero figures of each planning group it had
 * that year, stored column-wise (one array per measure) so that summing a France-wide table is a
 * quick scan. Each establishment draws from its own random stream, so a year is the same whatever
 * else was generated before it.
 */
final class YearActivity {

  private final int[] start;
  private final byte[] gp;
  private final int[] hc;
  private final int[] hp;
  private final int[] seances;
  private final int[] men;
  private final int[] deaths;
  private final long[] ageSum;
  private final long[] days;

  private YearActivity(int sites, int capacity) {
    start = new int[sites + 1];
    gp = new byte[capacity];
    hc = new int[capacity];
    hp = new int[capacity];
    seances = new int[capacity];
    men = new int[capacity];
    deaths = new int[capacity];
    ageSum = new long[capacity];
    days = new long[capacity];
  }

  /**
   * @param firstYear the year the sites' typical volumes are anchored to
   * @param scale share of the year covered, below 1 for the newest, still open year
   */
  static YearActivity generate(long seed, int year, int firstYear, double scale,
      List<EstablishmentRegistry.Site> sites, GroupingTree tree) {
    int capacity = 0;
    for (EstablishmentRegistry.Site site : sites) {
      for (double v : site.volumes()) {
        capacity += v > 0 ? 1 : 0;
      }
    }
    ClinicalProfile[] profiles = tree.gps().stream().map(g -> ClinicalProfile.of(g.code())).toArray(ClinicalProfile[]::new);
    YearActivity a = new YearActivity(sites.size(), capacity);
    int cursor = 0;
    for (int i = 0; i < sites.size(); i++) {
      a.start[i] = cursor;
      EstablishmentRegistry.Site site = sites.get(i);
      if (year < site.firstYear() || year > site.lastYear()) {
        continue;
      }
      SplittableRandom rnd = new SplittableRandom(mix(seed, year, i));
      double factor = Math.pow(1 + site.trend(), year - firstYear) * epidemic(year) * scale
          * Math.exp(0.05 * rnd.nextGaussian());
      double[] volumes = site.volumes();
      for (int g = 0; g < volumes.length; g++) {
        if (volumes[g] > 0) {
          long n = Math.round(volumes[g] * factor * Math.exp(0.08 * rnd.nextGaussian()));
          if (n > 0) {
            a.fill(cursor++, g, n, tree.gps().get(g).isSeance(), profiles[g], site, rnd);
          }
        }
      }
    }
    a.start[sites.size()] = cursor;
    return a;
  }

  /** 2020 and 2021 lost activity to the epidemic, as the real series did. */
  private static double epidemic(int year) {
    return year == 2020 ? 0.83 : year == 2021 ? 0.94 : 1.0;
  }

  private void fill(int c, int g, long n, boolean seance, ClinicalProfile p, EstablishmentRegistry.Site site,
      SplittableRandom rnd) {
    gp[c] = (byte) g;
    if (seance) {
      seances[c] = (int) n;
    } else {
      double ambulatory = p.ambulatory() == 0 ? 0 : clamp(p.ambulatory() + site.ambulatoryShift());
      hp[c] = (int) Math.round(n * ambulatory);
      hc[c] = (int) (n - hp[c]);
      days[c] = Math.round(hc[c] * p.los() * Math.exp(0.1 * rnd.nextGaussian()));
      deaths[c] = (int) Math.min(hc[c], Math.round(hc[c] * p.deathRate() * Math.exp(0.3 * rnd.nextGaussian())));
    }
    double menShare = p.menShare() == 0 || p.menShare() == 1 ? p.menShare() : clamp(p.menShare() + 0.03 * rnd.nextGaussian());
    double age = p.age() < 1 ? p.age() : Math.max(1, p.age() + site.ageShift() + 1.5 * rnd.nextGaussian());
    men[c] = (int) Math.round(n * menShare);
    ageSum[c] = Math.round(n * age);
  }

  /** Sums the figures of establishment {@code site} over the planning groups in {@code mask}. */
  Figures sum(int site, boolean[] mask) {
    long shc = 0, shp = 0, sse = 0, smen = 0, sage = 0, sdays = 0, sdeaths = 0;
    for (int c = start[site]; c < start[site + 1]; c++) {
      if (mask[gp[c]]) {
        shc += hc[c];
        shp += hp[c];
        sse += seances[c];
        smen += men[c];
        sage += ageSum[c];
        sdays += days[c];
        sdeaths += deaths[c];
      }
    }
    return new Figures(shc, shp, sse, smen, sage, sdays, sdeaths);
  }

  private static double clamp(double share) {
    return Math.max(0, Math.min(1, share));
  }

  /** SplitMix64-style mixing, so that neighbouring (year, site) pairs get unrelated streams. */
  private static long mix(long seed, int year, int site) {
    long z = seed ^ (year * 0x9E3779B97F4A7C15L) ^ ((long) site << 32);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
