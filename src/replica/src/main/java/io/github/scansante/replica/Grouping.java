package io.github.scansante.replica;


/**
 * What a results table covers: all stays and séances ({@link #ALL}), or the planning groups whose
 * code for one grouping field ({@code A50}, {@code CAS}, {@code DA}, {@code GP}) is {@code code}.
 */
public record Grouping(String field, String code) {

  public static final Grouping ALL = new Grouping("", "");

  public Grouping {
    if (!field.isEmpty() && !SiteFilterTree.GROUPING_FIELDS.contains(field)) {
      throw new IllegalArgumentException("not a grouping field: " + field);
    }
    if (field.isEmpty() != code.isEmpty()) {
      throw new IllegalArgumentException("a grouping needs both a field and a code: " + field + "=" + code);
    }
  }

  public boolean isAll() {
    return field.isEmpty();
  }

  public boolean covers(GroupingTree.Gp gp) {
    return isAll() || gp.codeFor(field).equals(code);
  }

  /** Which planning groups, by index, this grouping covers. */
  public boolean[] mask(GroupingTree tree) {
    boolean[] mask = new boolean[tree.size()];
    for (GroupingTree.Gp gp : tree.gps()) {
      mask[gp.index()] = covers(gp);
    }
    return mask;
  }

  /** Whether the table has the "Nombre de séances" column: only when séances can be in it. */
  public boolean showsSeances(GroupingTree tree) {
    return tree.gps().stream().anyMatch(gp -> gp.isSeance() && covers(gp));
  }
}
