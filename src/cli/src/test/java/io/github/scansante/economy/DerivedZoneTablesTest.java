package io.github.scansante.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.cli.Cli;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.ZoneAnswers;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Department tables derived from national ones, against the replica over HTTP: the same files as
 * when every one is asked, for a fraction of the requests, and no derivation where the site's own
 * zone tables say otherwise.
 */
class DerivedZoneTablesTest {

  private static final String DEPARTMENTS = "02_Departements";

  /** France entière, then every department, for two years and both categories the replica has. */
  private static Path plan(Path dir) throws IOException {
    List<String> lines = new ArrayList<>(List.of("annee,tgeo,codegeo,base"));
    List<String> departments = Catalogue.builtIn().codes(Catalogue.zoneField("de"));
    for (String year : List.of("2024", "2023")) {
      for (String base : List.of("bpub", "bpri")) {
        lines.add(year + ",fe,99," + base);
        departments.forEach(d -> lines.add(year + ",de," + d + "," + base));
      }
    }
    return Files.write(dir.resolve("plan.csv"), lines, StandardCharsets.UTF_8);
  }

  /** A run of the plan; returns the results requests it made. */
  private static long run(ReplicaServer replica, Path plan, Path out, String derive) {
    long before = replica.requestLog().submitEntries().size();
    Cli.Result result = Cli.run(replica.baseUri().toString(), out, "--plan", plan.toString(), "--derive", derive,
        "--set", "database.duckdb.enabled=false");
    assertEquals(0, result.exitCode(), result.err());
    return replica.requestLog().submitEntries().size() - before;
  }

  /** Every file under the folder, by relative path, with its bytes. */
  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    Map<String, byte[]> a = files(expected);
    Map<String, byte[]> b = files(actual);
    assertEquals(a.keySet(), b.keySet());
    a.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, b.get(name)), name + " differs"));
  }

  private static Map<Outcome, Long> outcomes(List<ManifestRow> rows) {
    return rows.stream().collect(Collectors.groupingBy(ManifestRow::outcome, () -> new java.util.EnumMap<>(Outcome.class),
        Collectors.counting()));
  }

  @Test
  void derived_department_files_are_those_the_site_sends_for_a_fifth_of_the_requests(@TempDir Path dir) throws Exception {
    Path plan = plan(dir);
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      long derived = run(replica, plan, dir.resolve("derived"), "on");
      long asked = run(replica, plan, dir.resolve("asked"), "off");

      assertSameFiles(dir.resolve("asked").resolve(DEPARTMENTS), dir.resolve("derived").resolve(DEPARTMENTS));
      assertEquals(400, asked + 8, "every table but the 8 zones without a private establishment: " + asked);
      assertTrue(derived * 5 <= asked, derived + " requests derived, " + asked + " asked");
      assertEquals(4 + 4 * 3, derived, "4 national tables, 3 samples per year and category");

      List<ManifestRow> manifest = ManifestWriter.read(dir.resolve("derived").resolve(RunJournal.MANIFEST));
      Map<Outcome, Long> counts = outcomes(manifest);
      assertEquals(400 - 4 - 12 - 8, counts.get(Outcome.DERIVED), counts.toString());
      ManifestRow one = manifest.stream().filter(r -> r.outcome() == Outcome.DERIVED).findFirst().orElseThrow();
      String national = one.reason().substring("derived from ".length(), one.reason().indexOf(" (sha256 "));
      assertTrue(one.reason().contains("(sha256 " + manifest.stream().filter(r -> r.file().equals(national)).findFirst()
          .orElseThrow().sha256() + ")"), one.reason());
      assertTrue(one.reason().contains("; verified: 3 zone tables of "), one.reason());
      assertEquals("", one.url(), "not requested");
      assertEquals(0, one.attempts());
      assertTrue(manifest.stream().filter(r -> r.outcome() == Outcome.SKIPPED)
          .allMatch(r -> r.combination().base().equals("bpri") && r.reason().startsWith("no establishment: the national table ")));

      String runs = Files.readString(dir.resolve("derived").resolve(RunJournal.RUNS));
      assertTrue(runs.lines().findFirst().orElseThrow().endsWith("skipped,derived,files_written,rows_written,crc32"), runs);
      String report = Files.readString(dir.resolve("derived").resolve("report.html"));
      assertTrue(report.contains("zone tables not asked: 376 verified by 12 samples, 0 unverified; 8 skipped as empty"), "report tile");
      String master = Files.readString(dir.resolve("derived").resolve("scansante_master.csv"));
      assertTrue(master.contains("," + one.file() + "," + one.fetchedAt() + ","), "derived rows carry the national fetch time");
    }
  }

  @Test
  void a_year_whose_zone_tables_count_differently_is_asked_in_full(@TempDir Path dir) throws Exception {
    Path plan = plan(dir);
    ReplicaConfig differing = ReplicaConfig.builder().zoneAnswers(ZoneAnswers.parse("count-differently:2023")).build();
    try (ReplicaServer replica = ReplicaServer.start(differing)) {
      long derived = run(replica, plan, dir.resolve("derived"), "on");
      run(replica, plan, dir.resolve("asked"), "off");

      assertSameFiles(dir.resolve("asked").resolve(DEPARTMENTS), dir.resolve("derived").resolve(DEPARTMENTS));
      List<ManifestRow> manifest = ManifestWriter.read(dir.resolve("derived").resolve(RunJournal.MANIFEST));
      assertTrue(manifest.stream().noneMatch(r -> r.combination().annee().equals("2023") && r.outcome() == Outcome.DERIVED),
          "no 2023 zone table derived");
      assertEquals(2 * (99 - 3), manifest.stream()
          .filter(r -> r.combination().annee().equals("2024") && r.outcome() == Outcome.DERIVED).count() + 4,
          "2024 derived as usual (4 zones without a private establishment skipped)");
      List<ManifestRow> differences = manifest.stream().filter(r -> r.reason().contains("verification sample differs")).toList();
      assertEquals(2, differences.size(), "the first sample of 2023 bpub and 2023 bpri");
      assertTrue(differences.get(0).reason().contains("column 'Nombre de séjours séances total'"), differences.get(0).reason());
      assertTrue(differences.get(0).reason().endsWith("derivation off for 2023 bpub, its zone tables are asked"),
          differences.get(0).reason());
      assertEquals(2 + 6 + 2 + 99 + (99 - 4), derived,
          "2024: 2 national + 6 samples; 2023: 2 national + every zone table but the 4 without a private establishment");
    }
  }

  @Test
  void zone_tables_the_site_refuses_are_derived_and_said_unverified(@TempDir Path dir) throws Exception {
    Path plan = plan(dir);
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().zoneAnswers(ZoneAnswers.parse("refused")).build())) {
      run(replica, plan, dir.resolve("derived"), "on");
      List<ManifestRow> manifest = ManifestWriter.read(dir.resolve("derived").resolve(RunJournal.MANIFEST));
      List<ManifestRow> zones = manifest.stream().filter(r -> r.combination().tgeo().equals("de")).toList();
      assertTrue(zones.stream().allMatch(r -> r.outcome() == Outcome.DERIVED || r.outcome() == Outcome.SKIPPED), outcomes(zones).toString());
      assertTrue(zones.stream().filter(r -> r.outcome() == Outcome.DERIVED).allMatch(r -> r.reason().contains("unverified: ")));
      assertEquals(0, outcomes(zones).getOrDefault(Outcome.REFUSED, 0L));
      String report = Files.readString(dir.resolve("derived").resolve("report.html"));
      String tile = report.substring(report.indexOf("zone tables not asked"), report.indexOf("zone tables not asked") + 80);
      assertTrue(tile.startsWith("zone tables not asked: 0 verified by 0 samples, 388 unverified"), tile);
    }
  }
}
