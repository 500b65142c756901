package io.github.scansante.plan;

import io.github.scansante.catalogue.Catalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Builds the plan of a run: a named plan from {@code catalogue/plans.csv} expanded against the
 * built-in catalogue, or a CSV plan file, filtered by years and cut at a limit.
 */
public final class Planner {

  public static final String PLANS_RESOURCE = "catalogue/plans.csv";
  private static final String ANY = "*";

  private final Catalogue catalogue;
  private final List<PlanRule> rules;

  /** One line of plans.csv: the cross product of its years, zones, bases and groupings. */
  record PlanRule(String plan, YearRange years, String tgeo, String zones, String bases, String groupings) {}

  public Planner(Catalogue catalogue) {
    this.catalogue = catalogue;
    this.rules = loadRules();
  }

  public List<String> planNames() {
    return rules.stream().map(PlanRule::plan).distinct().toList();
  }

  /**
   * @param name a plan name, or the path of a CSV plan file
   * @param years filter applied to any plan
   * @param limit maximum number of combinations, 0 for none
   */
  public Plan plan(String name, YearRange years, long limit) {
    List<PlanRule> selected = rules.stream().filter(r -> r.plan().equals(name)).toList();
    Plan base;
    if (!selected.isEmpty()) {
      base = new Plan(name, () -> selected.stream().flatMap(this::expand));
    } else if (Files.isRegularFile(Path.of(name))) {
      List<Combination> fromFile = PlanFile.read(Path.of(name));
      base = new Plan(name, fromFile::stream);
    } else {
      throw new PlanException("unknown plan '" + name + "': use one of " + String.join(", ", planNames())
          + ", or the path of a CSV plan file");
    }
    return new Plan(base.name(), () -> {
      Stream<Combination> s = base.stream().filter(c -> years.contains(c.annee()));
      return limit > 0 ? s.limit(limit) : s;
    });
  }

  private Stream<Combination> expand(PlanRule rule) {
    List<String> years = catalogue.codes("annee").stream().filter(rule.years()::contains).sorted((a, b) -> b.compareTo(a)).toList();
    List<String> levels = pick(rule.tgeo(), Catalogue.GEO_LEVELS);
    List<String> bases = pick(rule.bases(), catalogue.codes("base"));
    List<String[]> groupings = groupings(rule.groupings());
    return years.stream().flatMap(year -> levels.stream().flatMap(tgeo ->
        pick(rule.zones(), catalogue.codes(Catalogue.zoneField(tgeo))).stream().flatMap(zone ->
            bases.stream().flatMap(base -> groupings.stream().map(g ->
                new Combination(year, tgeo, zone, base, g[0], g[1]))))));
  }

  private List<String[]> groupings(String spec) {
    List<String[]> out = new ArrayList<>();
    for (String token : words(spec)) {
      if (token.equals(Combination.ALL_STAYS)) {
        out.add(new String[] {"", ""});
        continue;
      }
      String[] fieldCode = token.split(":", 2);
      List<String> codes = pick(fieldCode[1], catalogue.codes(fieldCode[0]));
      codes.forEach(code -> out.add(new String[] {fieldCode[0], code}));
    }
    return out;
  }

  private static List<String> pick(String spec, List<String> all) {
    return spec.equals(ANY) ? all : words(spec);
  }

  private static List<String> words(String spec) {
    return List.copyOf(new LinkedHashSet<>(Arrays.asList(spec.trim().split("\\s+"))));
  }

  private static List<PlanRule> loadRules() {
    try (InputStream in = Planner.class.getClassLoader().getResourceAsStream(PLANS_RESOURCE);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      List<PlanRule> rules = new ArrayList<>();
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : format.parse(reader)) {
        rules.add(new PlanRule(r.get("plan"), YearRange.parse(r.get("years")), r.get("tgeo"), r.get("zones"),
            r.get("bases"), r.get("groupings")));
      }
      return List.copyOf(rules);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
