package io.github.scansante.plan;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.text.UserText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
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
    Plan base = selected.isEmpty() ? fromFile(name) : new Plan(name, () -> selected.stream().flatMap(this::expand));
    return new Plan(base.name(), () -> {
      Stream<Combination> s = base.stream().filter(c -> years.contains(c.annee()));
      return limit > 0 ? s.limit(limit) : s;
    });
  }

  /**
   * Refuses, with the reason, a plan that does not exist, cannot be read, or whose years select no
   * combination, e.g. "year 2030 is not in the catalogue (2015–2024)".
   */
  public void check(String name, YearRange years) {
    Plan whole = plan(name, YearRange.ALL, 0);
    if (whole.stream().anyMatch(c -> years.contains(c.annee()))) {
      return;
    }
    boolean named = planNames().contains(name);
    String plan = named ? "plan " + name : "plan file " + UserText.clip(name);
    if (whole.stream().findAny().isEmpty()) {
      throw new PlanException(plan + " has no combination; add lines under its header");
    }
    TreeSet<Integer> catalogueYears = years(catalogue.codes("annee").stream());
    if (named && catalogueYears.stream().noneMatch(y -> years.contains(Integer.toString(y)))) {
      throw new PlanException(years.describe() + " not in the catalogue (" + spans(catalogueYears)
          + "); choose years in that range with --years");
    }
    throw new PlanException(years.describe() + " not in " + plan + " (" + spans(years(whole.stream().map(Combination::annee)))
        + "); choose years it covers with --years");
  }

  private Plan fromFile(String name) {
    Path file;
    try {
      file = Path.of(name);
    } catch (InvalidPathException e) {
      throw new PlanException("'" + UserText.clip(name) + "' is neither a plan (" + String.join(", ", planNames())
          + ") nor a file path");
    }
    if (Files.isDirectory(file)) {
      throw new PlanException(UserText.clip(name) + " is a folder; give the path of a CSV plan file");
    }
    if (!Files.exists(file)) {
      if (looksLikePath(name)) {
        throw new PlanException("no such plan file: " + UserText.clip(name));
      }
      throw new PlanException("unknown plan '" + UserText.clip(name) + "': use one of " + String.join(", ", planNames())
          + ", or the path of a CSV plan file");
    }
    List<Combination> combinations = PlanFile.read(file);
    return new Plan(name, combinations::stream);
  }

  private static boolean looksLikePath(String name) {
    return name.contains("/") || name.contains("\\") || name.contains(".");
  }

  private static TreeSet<Integer> years(Stream<String> codes) {
    TreeSet<Integer> years = new TreeSet<>();
    codes.forEach(code -> {
      try {
        years.add(Integer.parseInt(code));
      } catch (NumberFormatException e) {
        // not a year: the plan file check refuses such codes already
      }
    });
    return years;
  }

  /** 2015–2024, or 2015–2017, 2020 when there are gaps. */
  private static String spans(TreeSet<Integer> years) {
    List<String> spans = new ArrayList<>();
    Integer start = null;
    Integer previous = null;
    for (int year : years) {
      if (previous != null && year != previous + 1) {
        spans.add(start.equals(previous) ? start.toString() : start + "–" + previous);
        start = null;
      }
      if (start == null) {
        start = year;
      }
      previous = year;
    }
    if (start != null) {
      spans.add(start.equals(previous) ? start.toString() : start + "–" + previous);
    }
    return String.join(", ", spans);
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
