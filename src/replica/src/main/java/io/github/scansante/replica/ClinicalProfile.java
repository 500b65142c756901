package io.github.scansante.replica;

import java.util.HashMap;
import java.util.Map;

/**
 * Plausible national characteristics of each planning group, used to generate believable tables:
 * relative volume, share of partial (day) hospitalisation, length of stay, share of men, mean age
 * and death rate. Defaults by GP letter, then per-group adjustments where the letter misleads.
 */
record ClinicalProfile(
    double weight, double ambulatory, double los, double menShare, double age, double deathRate) {

  private static final Map<Character, ClinicalProfile> BY_LETTER = Map.of(
      'C', new ClinicalProfile(0.6, 0.45, 5.5, 0.50, 58, 0.008),
      'K', new ClinicalProfile(0.5, 0.85, 2.5, 0.50, 60, 0.003),
      'X', new ClinicalProfile(1.0, 0.25, 6.5, 0.50, 62, 0.040),
      'O', new ClinicalProfile(1.0, 0.05, 4.3, 0.00, 31, 0.000),
      'N', new ClinicalProfile(0.3, 0.05, 6.0, 0.52, 0.02, 0.005),
      'S', new ClinicalProfile(1.0, 0.00, 0.0, 0.55, 64, 0.000),
      'Z', new ClinicalProfile(0.05, 0.30, 3.0, 0.50, 50, 0.010));

  /** Adjustments: GP followed by w(eight), a(mbulatory), los, men, age, d(eath rate). */
  private static final String ADJUSTMENTS = """
      C01 w=0.05 a=0 los=20 d=0.05
      C02 w=0.6 a=0.1 los=7
      C03 w=0.05 a=0.3
      C04 w=0.3 a=0.02 los=12 d=0.03 men=0.7 age=66
      C05 w=0.2 a=0.05 los=9 men=0.65
      C06 w=0.6 a=0.03 los=11 d=0.03 age=66
      C07 w=2 a=0.55 age=52
      C08 w=1.2 a=0.5 age=55 men=0.42
      C09 w=2 a=0.05 los=6 age=68 men=0.4
      C10 w=1.5 a=0.85 age=45 men=0.55
      C11 w=2 a=0.45 age=50
      C12 w=0.05 a=0 los=15 d=0.05 men=0.72 age=42
      C13 w=0.6 a=0.2 los=4 men=0.62 age=77
      C14 w=0.8 a=0.35 los=7 men=0.68 age=68
      C15 w=1.5 a=0.7 age=38
      C16 w=5 a=0.92 los=2 age=73 men=0.43
      C17 w=1.2 a=0.6 men=0 age=46
      C18 w=0.5 a=0.55 men=0.01 age=57
      C19 w=1.2 a=0.45 men=0.72 age=64
      C20 w=0.5 a=0.65 men=1 age=45
      C21 w=0.2 a=0.4 age=60
      C22 w=0.3 a=0.1 men=0.22 age=53
      C23 w=0.5 a=0.5 age=61
      C24 w=0.03 a=0.2 los=20
      C25 w=0.2 a=0.3
      C26 w=1 a=0.85 age=62
      K01 w=1 a=0.8
      K02 w=6 a=0.9 age=61
      K04 w=1.5 a=0.4 men=0.62 age=68
      K05 w=2 a=0.45 men=0.66 age=67
      K06 w=1 a=0.8 age=63
      K12 w=1 a=0.2 los=1.2 men=0.62 age=55
      K13 w=0.2 a=0.7 age=66
      K14 w=0.2 a=0.6 age=64
      K15 w=1 a=0.95
      K16 w=0.05
      X01 w=0.05 a=0 los=25 age=52
      X02 w=4 a=0.2 age=60
      X03 w=3 a=0.3 age=60
      X05 w=2 a=0.3 age=57
      X07 w=5 a=0.15 los=6 men=0.55 age=72 d=0.06
      X08 w=4 a=0.15 los=8 men=0.56 age=66 d=0.07
      X10 w=0.4 a=0.6
      X11 w=0.5 a=0.4 men=0 age=43
      X12 w=2 a=0.35 age=66
      X13 w=0.3 a=0.45 men=1 age=55
      X14 w=2 a=0.4 age=62 d=0.06
      X15 w=1.5 a=0.45 age=58
      X17 w=0.05 a=0.1 los=14
      X18 w=3 a=0.35 age=68
      X19 w=2 a=0.1 age=55 d=0.08
      X20 w=0.8 a=0.15 los=5 age=42 d=0.003
      X21 w=1 a=0.1 los=2.5 age=45 d=0.01
      X22 w=1 a=0.05 los=10 age=76 d=0.35
      X23 w=0.5 a=0.8 age=63
      X24 w=6 a=0.2 age=68
      X25 w=0.05 a=0 los=12 d=0.06 men=0.72 age=44
      X26 w=0.2 a=0.6 men=0.2 age=40
      O01 w=3 a=0.01 los=4
      O02 w=1 a=0 los=5.5
      O03 w=0.8 a=0.75 los=1 age=28
      O04 w=1.5 a=0.35 los=2.5
      N01 w=0.05 los=18
      N02 w=1.5 los=8
      N03 w=0.1 los=2 d=0.3
      S01 w=10 age=68 men=0.6
      S02 w=5 age=63 men=0.45
      S03 w=0.5 age=55
      S04 w=4 age=64 men=0.48
      S05 w=0.5 age=68
      S06 w=0.2 age=52
      S07 w=0.1 age=60 men=0.6
      """;

  private static final Map<String, ClinicalProfile> ADJUSTED = parseAdjustments();

  static ClinicalProfile of(String gp) {
    ClinicalProfile adjusted = ADJUSTED.get(gp);
    return adjusted != null ? adjusted : letterDefault(gp);
  }

  private static ClinicalProfile letterDefault(String gp) {
    ClinicalProfile p = BY_LETTER.get(gp.charAt(0));
    if (p == null) {
      throw new IllegalArgumentException("no clinical profile for planning group " + gp);
    }
    return p;
  }

  private static Map<String, ClinicalProfile> parseAdjustments() {
    Map<String, ClinicalProfile> map = new HashMap<>();
    for (String line : ADJUSTMENTS.strip().split("\n")) {
      String[] parts = line.strip().split(" ");
      Map<String, Double> v = new HashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String[] kv = parts[i].split("=");
        v.put(kv[0], Double.parseDouble(kv[1]));
      }
      ClinicalProfile d = letterDefault(parts[0]);
      map.put(parts[0], new ClinicalProfile(v.getOrDefault("w", d.weight), v.getOrDefault("a", d.ambulatory),
          v.getOrDefault("los", d.los), v.getOrDefault("men", d.menShare), v.getOrDefault("age", d.age),
          v.getOrDefault("d", d.deathRate)));
    }
    return map;
  }
}
