package io.github.scansante.run;

import io.github.scansante.plan.YearRange;
import java.nio.file.Path;

/** What a run is asked to do: against which site, which plan, cut how, refreshed how, written where. */
public record RunDefinition(String site, String plan, YearRange years, long limit, RefreshPolicy.Mode refresh,
    Path outputDir) {

  /** What makes two runs the same run: an unfinished run is resumed only by a run of the same identity. */
  public String identity() {
    return "site=" + site + " plan=" + plan + " years=" + years.from() + "-" + years.to() + " limit=" + limit;
  }
}
