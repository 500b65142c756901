package io.github.scansante.economy;

import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A plan in which every zone table comes after the national table of the same year, category and
 * grouping, so that it can be derived from it or skipped: the national table is put just before
 * the first zone table that needs it, unless the plan asked for it earlier, and is not asked twice.
 */
public final class NationalTablesFirst {

  private NationalTablesFirst() {}

  public static Plan of(Plan plan) {
    return new Plan(plan.name(), () -> {
      Set<String> national = new HashSet<>();
      return plan.stream().flatMap(c -> {
        if (!ZoneDerivation.derivable(c.tgeo())) {
          return national.add(c.key()) ? Stream.of(c) : Stream.empty();
        }
        Combination source = RequestEstimate.nationalOf(c);
        return national.add(source.key()) ? Stream.of(source, c) : Stream.of(c);
      });
    });
  }
}
