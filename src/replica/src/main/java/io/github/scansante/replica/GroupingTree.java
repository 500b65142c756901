package io.github.scansante.replica;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the 84 planning groups (GP) roll up into the coarser groupings, so that every grouping field
 * partitions the stays: each GP belongs to exactly one CAS (by its letter), one domain (DA) and at
 * most one A50 activity (séances and errors belong to none, as on the site: "M/C/O hors séance").
 */
public final class GroupingTree {

  /** GP letter → CAS code. */
  private static final Map<Character, String> CAS_BY_LETTER =
      Map.of('C', "C", 'K', "PI", 'N', "O15", 'O', "O14", 'S', "S", 'X', "X", 'Z', "Z");

  /** GP letter → A50 code; S (séances) and Z (errors) have none. */
  private static final Map<Character, String> A50_BY_LETTER =
      Map.of('C', "C", 'K', "M", 'X', "M", 'N', "O", 'O', "O");

  /** GP → domain, after the clinical field each planning group covers. */
  private static final String DOMAINS =
      "C01 D25,C02 D05,C03 D05,C04 D07,C05 D09,C06 D01,C07 D01,C08 D01,C09 D02,C10 D02,C11 D02,"
          + "C12 D03,C13 D07,C14 D07,C15 D10,C16 D11,C17 D12,C18 D12,C19 D15,C20 D15,C21 D16,C22 D19,"
          + "C23 D20,C24 D21,C25 D26,C26 D20,"
          + "K01 D01,K02 D01,K03 D05,K04 D07,K05 D06,K06 D26,K07 D09,K08 D02,K09 D10,K10 D15,K11 D24,"
          + "K12 D05,K13 D15,K14 D17,K15 D26,K16 D21,K17 D23,"
          + "N01 D14,N02 D14,N03 D14,O01 D13,O02 D13,O03 D13,O04 D13,"
          + "S01 D27,S02 D27,S03 D27,S04 D27,S05 D27,S06 D27,S07 D27,"
          + "X01 D16,X02 D01,X03 D05,X04 D05,X05 D02,X06 D04,X07 D07,X08 D09,X09 D10,X10 D11,X11 D12,"
          + "X12 D15,X13 D15,X14 D16,X15 D19,X16 D20,X17 D21,X18 D26,X19 D18,X20 D22,X21 D23,X22 D24,"
          + "X23 D17,X24 D26,X25 D03,X26 D20,"
          + "Z99 D90";

  /** One planning group and the groupings it belongs to ({@code a50} empty when none). */
  public record Gp(int index, String code, String cas, String da, String a50) {

    /** Séances are counted apart from stays and shown in their own column. */
    public boolean isSeance() {
      return code.charAt(0) == 'S';
    }

    /** The code this GP has for a grouping field, empty when it has none. */
    public String codeFor(String field) {
      return switch (field) {
        case "A50" -> a50;
        case "CAS" -> cas;
        case "DA" -> da;
        case "GP" -> code;
        default -> throw new IllegalArgumentException("not a grouping field: " + field);
      };
    }
  }

  private final List<Gp> gps;
  private final Map<String, Gp> byCode = new HashMap<>();

  /** Builds the tree for the catalogue's GP codes; fails if one has no known domain. */
  public GroupingTree(SiteFilterTree catalogue) {
    Map<String, String> domains = new HashMap<>();
    for (String pair : DOMAINS.split(",")) {
      domains.put(pair.substring(0, 3), pair.substring(4));
    }
    List<Gp> list = new ArrayList<>();
    for (String code : catalogue.codes("GP")) {
      char letter = code.charAt(0);
      String cas = CAS_BY_LETTER.get(letter);
      String da = domains.get(code);
      if (cas == null || da == null) {
        throw new IllegalStateException("no CAS or domain known for planning group " + code);
      }
      list.add(new Gp(list.size(), code, cas, da, A50_BY_LETTER.getOrDefault(letter, "")));
    }
    this.gps = Collections.unmodifiableList(list);
    list.forEach(gp -> byCode.put(gp.code(), gp));
  }

  public List<Gp> gps() {
    return gps;
  }

  /** @throws IllegalArgumentException for a code the catalogue does not list */
  public Gp gp(String code) {
    Gp gp = byCode.get(code);
    if (gp == null) {
      throw new IllegalArgumentException("unknown planning group: " + code);
    }
    return gp;
  }

  public int size() {
    return gps.size();
  }
}
