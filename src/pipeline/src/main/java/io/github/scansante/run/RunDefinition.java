package io.github.scansante.run;

import io.github.scansante.plan.YearRange;
import java.nio.file.Path;

/** What a run is asked to do: against which site, which plan, cut how, refreshed how, written where. */
public record RunDefinition(String site, String plan, YearRange years, long limit, RefreshPolicy.Mode refresh,
    Path outputDir) {}
