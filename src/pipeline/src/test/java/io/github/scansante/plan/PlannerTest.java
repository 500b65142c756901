package io.github.scansante.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

  private final Planner planner = new Planner(Catalogue.builtIn());

  private List<Combination> plan(String name, String years) {
    return planner.plan(name, YearRange.parse(years), 0).stream().toList();
  }

  @Test
  void strategic_plan_is_the_previous_tools_250_combinations_with_correct_fields() {
    List<Combination> plan = plan("strategic", "");
    assertEquals(250, plan.size());
    assertEquals(240, plan.stream().filter(c -> c.tgeo().equals("fe")).count());
    Map<String, Long> byGrouping = plan.stream().filter(c -> c.tgeo().equals("fe"))
        .collect(Collectors.groupingBy(c -> c.typrgp() + ":" + c.groupingField() + "=" + c.groupingCode(), Collectors.counting()));
    assertEquals(8, byGrouping.size());
    assertEquals(30L, byGrouping.get("rgpGHM:A50=M"));
    assertEquals(30L, byGrouping.get("rgpGHM:CAS=PI"));
    assertEquals(30L, byGrouping.get("tous:="));
    List<Combination> departments = plan.stream().filter(c -> c.tgeo().equals("de")).toList();
    assertEquals(10, departments.size());
    assertTrue(departments.stream().allMatch(c -> c.isAllStays() && c.base().equals("bpub")
        && (c.annee().equals("2023") || c.annee().equals("2024"))));
    assertEquals(List.of("13", "33", "59", "69", "75"), departments.stream().map(Combination::codegeo).distinct().sorted().toList());
  }

  @Test
  void years_filter_any_plan() {
    assertEquals(2 * 3 * 8 + 10, plan("strategic", "2023-2024").size());
    assertTrue(plan("france", "2019").stream().allMatch(c -> c.annee().equals("2019")));
  }

  @Test
  void named_plans_cover_the_catalogue() {
    // france: 10 years x 3 bases x (tous + 3 A50 + 7 CAS)
    assertEquals(10 * 3 * 11, plan("france", "").size());
    // departments: 10 years x 3 bases x (18 regions + 99 departments)
    assertEquals(10 * 3 * (18 + 99), plan("departments", "").size());
    // full: 10 years x 3 bases x (1 + 18 + 99 zones) x (1 + 3 + 7 + 27 + 84 groupings)
    assertEquals(10L * 3 * 118 * 122, planner.plan("full", YearRange.ALL, 0).size());
  }

  @Test
  void limit_cuts_the_plan() {
    assertEquals(7, planner.plan("full", YearRange.ALL, 7).stream().count());
  }

  @Test
  void unknown_plan_names_the_known_ones() {
    PlanException e = assertThrows(PlanException.class, () -> planner.plan("everything", YearRange.ALL, 0));
    assertTrue(e.getMessage().contains("strategic, france, departments, full"), e.getMessage());
  }

  @Test
  void plan_file_lists_combinations_with_one_grouping(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.csv");
    Files.writeString(file, "annee,tgeo,codegeo,base,A50,CAS\n2024,de,2A,bpub,,\n2023,fe,99,bpri,C,\n");
    List<Combination> plan = plan(file.toString(), "");
    assertEquals(List.of(Combination.allStays("2024", "de", "2A", "bpub"), new Combination("2023", "fe", "99", "bpri", "A50", "C")), plan);
  }

  @Test
  void plan_file_values_cannot_escape_the_output_folder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.csv");
    Files.writeString(file, "annee,tgeo,codegeo,base\n2024,de,../../etc,bpub\n");
    PlanException e = assertThrows(PlanException.class, () -> plan(file.toString(), ""));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("codegeo"), e.getMessage());
  }

  @Test
  void plan_file_with_two_groupings_is_refused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.csv");
    Files.writeString(file, "annee,tgeo,codegeo,base,A50,CAS\n2024,fe,99,bpub,M,C\n");
    assertThrows(PlanException.class, () -> plan(file.toString(), ""));
  }

  @Test
  void plan_file_needs_the_form_fields(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plan.csv");
    Files.writeString(file, "year,zone\n2024,99\n");
    PlanException e = assertThrows(PlanException.class, () -> plan(file.toString(), ""));
    assertTrue(e.getMessage().contains("missing column 'annee'"), e.getMessage());
  }

  @Test
  void bad_year_ranges_are_refused() {
    assertThrows(PlanException.class, () -> YearRange.parse("2024-2015"));
    assertThrows(PlanException.class, () -> YearRange.parse("last year"));
  }
}
