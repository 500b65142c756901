package io.github.scansante.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlanEstimateTest {

  @Test
  void the_full_plan_prints_the_requests_and_duration_of_each_strategy() {
    Cli.Result r = Cli.execute("plan", "--estimate", "--plan", "full");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("plan full: 431,880 combinations, 428,220 of them region or department tables"), r.out());
    assertTrue(r.out().contains("naive         431,880  9 d 23 h 56 min"), r.out());
    assertTrue(r.out().contains("pruned      <=431,880  <=9 d 23 h 56 min"), r.out());
    assertTrue(r.out().contains("derived         3,750  2 h 5 min        3,660 national tables + 90 zone tables asked to verify"), r.out());
  }

  @Test
  void the_samples_and_the_delay_come_from_the_settings() {
    Cli.Result r = Cli.execute("plan", "--estimate", "--plan", "departments", "--years", "2024");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("naive             351  11 min 44 s"), r.out());
    assertTrue(r.out().contains("derived            12  26 s             3 national tables + 9 zone tables"), r.out());
  }
}
