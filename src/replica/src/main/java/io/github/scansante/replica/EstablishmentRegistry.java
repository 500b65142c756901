package io.github.scansante.replica;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Invents the establishments of the synthetic dataset and what each one does in a typical
 * 12-month year (volumes per planning group), deterministically from a seed. Every catalogue
 * department gets at least one public establishment; a few get no private one, so that some
 * combinations are empty, as on the real site.
 */
final class EstablishmentRegistry {

  static final int PUBLIC_COUNT = 760;
  static final int PRIVATE_COUNT = 740;
  static final int ANONYMOUS_PUBLIC = 5;
  static final int ANONYMOUS_PRIVATE = 3;
  /** Departments without any private establishment (Mayotte, Lozère). */
  static final Set<String> WITHOUT_PRIVATE = Set.of("976", "48");

  private static final Set<String> POPULOUS = Set.of("75", "13", "59", "69", "33", "92", "93", "94",
      "31", "06", "34", "44", "67", "62", "76", "38", "77", "78", "91", "95", "57", "35", "83", "974");
  private static final Set<String> SPARSE = Set.of("48", "23", "90", "05", "04", "09", "15", "52",
      "55", "2A", "2B", "973", "976", "32", "46");
  /** Activities found mostly in university hospitals. */
  private static final Set<String> SPECIALISED = Set.of("C01", "C02", "C03", "C04", "C12", "C24",
      "X01", "X17", "X25", "N01", "K16");
  /** The bulk of a cancer centre's activity. */
  private static final Set<String> ONCOLOGY = Set.of("C05", "C06", "C17", "C18", "C21", "C22",
      "K02", "K14", "K15", "X08", "X14", "X22", "X23", "X24");

  /**
   * Séances by kind: planning group, probability, and log-uniform range of yearly séances. The
   * occasional transfusions (S05) give the handful of séances the site masks as "1 à 10".
   */
  private static final Map<EstablishmentKind, String> SEANCES = Map.of(
      EstablishmentKind.UNIVERSITY,
      "S01 .8 5000 20000,S02 1 8000 30000,S03 .8 300 1500,S04 .5 5000 25000,S05 .9 500 3000,"
          + "S06 .6 100 800,S07 .15 500 3000",
      EstablishmentKind.GENERAL,
      "S01 .3 2000 12000,S02 .5 500 8000,S03 .3 3 500,S04 .06 3000 15000,S05 .6 1 60,"
          + "S06 .05 20 200,S07 .02 300 2000",
      EstablishmentKind.NON_PROFIT, "S01 .3 2000 12000,S02 .3 500 6000,S03 .2 3 400,S05 .4 1 40",
      EstablishmentKind.CANCER, "S02 1 15000 50000,S04 .9 10000 35000,S05 .8 200 1500,S03 .3 50 400",
      EstablishmentKind.DIALYSIS_CENTRE, "S01 1 4000 25000,S05 .2 20 300",
      EstablishmentKind.CLINIC, "S02 .25 1000 10000,S01 .08 3000 15000,S04 .05 3000 15000,S05 .25 1 40",
      EstablishmentKind.PRIVATE_CENTRE, "");

  /**
   * An establishment and its typical year: stays (or séances) per planning group for 12 months,
   * yearly growth, years of activity, and its offsets from the national profile.
   */
  record Site(Establishment establishment, double[] volumes, double trend, int firstYear, int lastYear,
      double ambulatoryShift, double ageShift) {}

  private record Slot(SiteFilterTree.FormOption department, EstablishmentKind kind) {}

  private final SplittableRandom rnd;
  private final GroupingTree tree;
  private final NameGenerator names;
  private final int firstYear;
  private final int lastYear;

  private EstablishmentRegistry(long seed, GroupingTree tree, int firstYear, int lastYear) {
    this.rnd = new SplittableRandom(seed);
    this.tree = tree;
    this.names = new NameGenerator(rnd.split());
    this.firstYear = firstYear;
    this.lastYear = lastYear;
  }

  /** The sites, sorted by FINESS as the site's tables are. */
  static List<Site> generate(long seed, SiteFilterTree catalogue, GroupingTree tree, int firstYear, int lastYear) {
    return new EstablishmentRegistry(seed, tree, firstYear, lastYear).sites(catalogue);
  }

  private List<Site> sites(SiteFilterTree catalogue) {
    List<SiteFilterTree.FormOption> departments = catalogue.options(SiteFilterTree.zoneField("de"));
    double[] weights = departments.stream().mapToDouble(this::weight).toArray();
    List<Slot> slots = new ArrayList<>();
    departments.forEach(d -> slots.add(new Slot(d, EstablishmentKind.GENERAL)));
    universitiesPerRegion(departments, weights).forEach(d -> slots.add(new Slot(d, EstablishmentKind.UNIVERSITY)));
    for (int i = 0; i < 12; i++) {
      slots.add(new Slot(pickWeighted(departments, weights, d -> POPULOUS.contains(d.code())), EstablishmentKind.UNIVERSITY));
    }
    for (int i = 0; i < 20; i++) {
      slots.add(new Slot(pickWeighted(departments, weights, d -> !d.code().startsWith("97")), EstablishmentKind.CANCER));
    }
    while (slots.size() < PUBLIC_COUNT) {
      double r = rnd.nextDouble();
      EstablishmentKind kind = r < 0.73 ? EstablishmentKind.GENERAL
          : r < 0.93 ? EstablishmentKind.NON_PROFIT : EstablishmentKind.DIALYSIS_CENTRE;
      slots.add(new Slot(pickWeighted(departments, weights, d -> true), kind));
    }
    for (int i = 0; i < PRIVATE_COUNT; i++) {
      EstablishmentKind kind = rnd.nextDouble() < 0.86 ? EstablishmentKind.CLINIC : EstablishmentKind.PRIVATE_CENTRE;
      slots.add(new Slot(pickWeighted(departments, weights, d -> !WITHOUT_PRIVATE.contains(d.code())), kind));
    }
    Set<Integer> anonymous = anonymousSlots(slots);
    Set<String> usedFiness = new HashSet<>();
    List<Site> sites = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      sites.add(site(slots.get(i), anonymous.contains(i), usedFiness));
    }
    sites.sort(Comparator.comparing(s -> s.establishment().finess()));
    return sites;
  }

  private double weight(SiteFilterTree.FormOption department) {
    if (POPULOUS.contains(department.code())) {
      return 3.0;
    }
    return SPARSE.contains(department.code()) ? 0.5 : 1.0 + 0.8 * rnd.nextDouble();
  }

  /** One university hospital per region, in its busiest department. */
  private static List<SiteFilterTree.FormOption> universitiesPerRegion(List<SiteFilterTree.FormOption> departments, double[] weights) {
    Map<String, Integer> best = new HashMap<>();
    for (int i = 0; i < departments.size(); i++) {
      Integer current = best.get(departments.get(i).parent());
      if (current == null || weights[i] > weights[current]) {
        best.put(departments.get(i).parent(), i);
      }
    }
    return best.values().stream().sorted().map(departments::get).toList();
  }

  private SiteFilterTree.FormOption pickWeighted(List<SiteFilterTree.FormOption> departments, double[] weights,
      java.util.function.Predicate<SiteFilterTree.FormOption> allowed) {
    double total = 0;
    for (int i = 0; i < departments.size(); i++) {
      total += allowed.test(departments.get(i)) ? weights[i] : 0;
    }
    double target = rnd.nextDouble() * total;
    SiteFilterTree.FormOption last = null;
    for (int i = 0; i < departments.size(); i++) {
      if (allowed.test(departments.get(i))) {
        last = departments.get(i);
        target -= weights[i];
        if (target < 0) {
          break;
        }
      }
    }
    return last;
  }

  private Set<Integer> anonymousSlots(List<Slot> slots) {
    Set<Integer> chosen = new HashSet<>();
    int publicLeft = ANONYMOUS_PUBLIC;
    int privateLeft = ANONYMOUS_PRIVATE;
    while (publicLeft + privateLeft > 0) {
      int i = rnd.nextInt(slots.size());
      EstablishmentKind kind = slots.get(i).kind();
      boolean ordinary = kind != EstablishmentKind.UNIVERSITY && kind != EstablishmentKind.CANCER;
      if (!ordinary || chosen.contains(i)) {
        continue;
      }
      if (kind.base.equals("bpub") && publicLeft > 0) {
        chosen.add(i);
        publicLeft--;
      } else if (kind.base.equals("bpri") && privateLeft > 0) {
        chosen.add(i);
        privateLeft--;
      }
    }
    return chosen;
  }

  private Site site(Slot slot, boolean anonymous, Set<String> usedFiness) {
    EstablishmentKind kind = slot.kind();
    String department = slot.department().code();
    String name = names.name(kind);
    Establishment establishment = new Establishment(finess(department, usedFiness), department,
        slot.department().parent(), kind.base, anonymous ? "" : kind.category, anonymous ? "" : name);
    double[] volumes = new double[tree.size()];
    double size = stays(kind, volumes);
    seances(kind, volumes);
    // Small establishments are mostly long-stay wards: few day cases, often masked on the site.
    double ambulatoryShift = (size > 0 && size < 1_500 ? -0.25 : 0) + 0.06 * rnd.nextGaussian();
    double trend = Math.max(-0.05, Math.min(0.06, 0.008 + 0.02 * rnd.nextGaussian()));
    boolean permanent = anonymous || kind == EstablishmentKind.UNIVERSITY || kind == EstablishmentKind.CANCER;
    int opened = !permanent && rnd.nextDouble() < 0.03 ? firstYear + 1 + rnd.nextInt(lastYear - firstYear - 1) : firstYear;
    int closed = !permanent && rnd.nextDouble() < 0.03 ? opened + rnd.nextInt(lastYear - opened) : lastYear;
    double ageShift = 2.5 * rnd.nextGaussian() - (department.startsWith("97") ? 6 : 0);
    return new Site(establishment, volumes, trend, opened, closed, ambulatoryShift, ageShift);
  }

  /** A 9-character FINESS starting with the department code (2A…, 971…), unique. */
  private String finess(String department, Set<String> used) {
    String finess;
    do {
      StringBuilder sb = new StringBuilder(department);
      if (department.length() == 2) {
        sb.append(rnd.nextInt(10) < 8 ? 0 : rnd.nextInt(1, 10));
      }
      while (sb.length() < 9) {
        sb.append(rnd.nextInt(10));
      }
      finess = sb.toString();
    } while (!used.add(finess));
    return finess;
  }

  /** Fills the stays' volumes and returns their total (0 for séances-only centres). */
  private double stays(EstablishmentKind kind, double[] volumes) {
    double size = switch (kind) {
      case UNIVERSITY -> logUniform(35_000, 130_000);
      case GENERAL -> logNormal(8_000, 1.0, 150, 70_000);
      case NON_PROFIT -> logNormal(5_000, 1.0, 120, 40_000);
      case CANCER -> logUniform(4_000, 18_000);
      case CLINIC -> logNormal(7_000, 0.8, 200, 45_000);
      case DIALYSIS_CENTRE, PRIVATE_CENTRE -> 0;
    };
    if (size == 0) {
      return 0;
    }
    double coverage = kind == EstablishmentKind.UNIVERSITY ? 0.97
        : 0.3 + 0.65 * Math.log(size / 150) / Math.log(130_000.0 / 150);
    boolean maternity = switch (kind) {
      case UNIVERSITY -> true;
      case GENERAL -> rnd.nextDouble() < (size > 4_000 ? 0.75 : 0.15);
      case NON_PROFIT -> rnd.nextDouble() < 0.3;
      case CLINIC -> rnd.nextDouble() < (size > 3_000 ? 0.35 : 0.05);
      default -> false;
    };
    double[] weights = new double[tree.size()];
    double total = 0;
    for (GroupingTree.Gp gp : tree.gps()) {
      char letter = gp.code().charAt(0);
      if (gp.isSeance() || (letter == 'O' || letter == 'N') && !maternity) {
        continue;
      }
      double[] affinity = affinity(kind, gp.code(), coverage);
      boolean offered = letter == 'O' || letter == 'N' || rnd.nextDouble() < affinity[1];
      if (offered) {
        weights[gp.index()] = ClinicalProfile.of(gp.code()).weight() * affinity[0] * Math.exp(0.6 * rnd.nextGaussian());
        total += weights[gp.index()];
      }
    }
    for (int g = 0; g < weights.length; g++) {
      volumes[g] = total == 0 ? 0 : size * weights[g] / total;
    }
    return size;
  }

  /** How much more (or less) this kind does of a planning group: {volume factor, probability of offering it}. */
  private static double[] affinity(EstablishmentKind kind, String gp, double coverage) {
    char letter = gp.charAt(0);
    boolean specialised = SPECIALISED.contains(gp);
    return switch (kind) {
      case UNIVERSITY -> new double[] {specialised ? 3 : 1, coverage};
      case CANCER -> ONCOLOGY.contains(gp) ? new double[] {6, 0.95} : new double[] {0.3, specialised ? 0 : 0.25};
      case CLINIC -> new double[] {letter == 'C' ? 2.5 : letter == 'K' ? 2 : letter == 'X' ? 0.35 : 1,
          specialised ? coverage * 0.1 : coverage};
      default -> new double[] {specialised ? 0.3 : 1, specialised ? coverage * 0.15 : coverage};
    };
  }

  private void seances(EstablishmentKind kind, double[] volumes) {
    if (kind == EstablishmentKind.PRIVATE_CENTRE) {
      double r = rnd.nextDouble();
      String gp = r < 0.6 ? "S01" : r < 0.85 ? "S04" : "S02";
      volumes[tree.gp(gp).index()] = logUniform(5_000, 25_000);
      return;
    }
    for (String spec : SEANCES.get(kind).split(",")) {
      String[] p = spec.split(" ");
      if (rnd.nextDouble() < Double.parseDouble(p[1])) {
        volumes[tree.gp(p[0]).index()] = logUniform(Double.parseDouble(p[2]), Double.parseDouble(p[3]));
      }
    }
  }

  private double logUniform(double min, double max) {
    return min * Math.exp(rnd.nextDouble() * Math.log(max / min));
  }

  private double logNormal(double median, double sigma, double min, double max) {
    return Math.max(min, Math.min(max, median * Math.exp(sigma * rnd.nextGaussian())));
  }
}
