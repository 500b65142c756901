package io.github.scansante.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.plan.Planner;
import io.github.scansante.plan.YearRange;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestEstimateTest {

  private final Planner planner = new Planner(Catalogue.builtIn());

  @Test
  void zone_tables_cost_their_national_tables_and_a_sample_per_year_and_category() {
    // departments: 10 years x 3 bases x (18 regions + 99 departments), all stays.
    RequestEstimate e = RequestEstimate.of(planner.plan("departments", YearRange.parse(""), 0), 3);
    assertEquals(3510, e.combinations());
    assertEquals(3510, e.zoneTables());
    assertEquals(3510, e.naiveRequests());
    assertEquals(30, e.nationalTables(), "one national table per year and base");
    assertEquals(90, e.sampleRequests());
    assertEquals(120, e.economicalRequests());
  }

  @Test
  void national_tables_already_in_the_plan_are_not_counted_twice() {
    // strategic: 240 national combinations, and 10 department tables whose national table is among them.
    RequestEstimate e = RequestEstimate.of(planner.plan("strategic", YearRange.parse(""), 0), 2);
    assertEquals(250, e.combinations());
    assertEquals(10, e.zoneTables());
    assertEquals(240, e.nationalTables());
    assertEquals(4, e.sampleRequests(), "2023 and 2024 x bpub, 2 samples each");
  }

  @Test
  void the_polite_duration_counts_the_landing_page() {
    assertEquals(Duration.ofSeconds(242), RequestEstimate.duration(120, Duration.ofSeconds(2)));
  }
}
