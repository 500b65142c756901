package io.github.scansante.config;

import io.github.scansante.plan.PlanException;
import io.github.scansante.plan.YearRange;

/**
 * Which combinations a run asks for.
 *
 * @param limit at most this many combinations; 0 for the whole plan
 */
public record PlanSettings(String name, YearRange years, long limit) {

  /** Far above the largest plan (full: 431,880). */
  static final long MAX_LIMIT = 1_000_000_000;

  static PlanSettings read(PropertyValues v) {
    String years = v.text("plan.years");
    YearRange range;
    try {
      range = YearRange.parse(years);
    } catch (PlanException e) {
      throw new InvalidSettingException("plan.years", years, "use a year or a range such as 2015-2024, earlier year first, or nothing for every year");
    }
    return new PlanSettings(
        v.nonBlank("plan.name", "use strategic, france, departments, full or the path of a CSV plan file"),
        range,
        v.whole("plan.limit", 0, MAX_LIMIT, "combinations (0 = the whole plan)"));
  }
}
