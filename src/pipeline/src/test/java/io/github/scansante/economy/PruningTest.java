package io.github.scansante.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.output.DataFiles;
import io.github.scansante.page.Outcome;
import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tables a run skips without a request, from the national files on disk and the empty tables it met. */
class PruningTest {

  private static final String NATIONAL_FILE = "01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2024_tous_sejours.csv";
  private static final String CSV = "\uFEFFCatégorie,Finess,Raison Sociale,Nombre de séjours séances total\r\n"
      + "CH,750712184,AP-HP,21 687\r\nCH,130786049,AP-HM,9 337\r\nCH,971000013,CHU Guadeloupe,1 à 10\r\n";

  private final ZoneTables zoneTables = new ZoneTables(true, 3, true, Catalogue.builtIn());

  private static ManifestRow row(Combination c, Outcome outcome, String file, String sha256) {
    return new ManifestRow(c, outcome, "", 0, "", file, sha256, "", 1, "", "", false);
  }

  private Derivations withNational(Path dir) throws Exception {
    Path file = dir.resolve(NATIONAL_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, CSV, StandardCharsets.UTF_8);
    Derivations known = new Derivations();
    known.recorded(row(Combination.allStays("2024", "fe", "99", "bpub"), Outcome.DATA, NATIONAL_FILE,
        DataFiles.sha256(file)));
    return known;
  }

  @Test
  void a_zone_where_the_national_table_locates_no_establishment_is_skipped(@TempDir Path dir) throws Exception {
    Derivations known = withNational(dir);
    Optional<String> lozere = zoneTables.emptiness(known, dir, Combination.allStays("2024", "de", "48", "bpub"));
    assertEquals(Optional.of("no establishment: the national table " + NATIONAL_FILE + " lists none located in LOZÈRE (de 48)"),
        lozere);
    assertTrue(zoneTables.emptiness(known, dir, Combination.allStays("2024", "de", "75", "bpub")).isEmpty());
    assertTrue(zoneTables.emptiness(known, dir, Combination.allStays("2024", "de", "971", "bpub")).isEmpty(), "overseas");
    assertTrue(zoneTables.emptiness(known, dir, Combination.allStays("2024", "re", "93", "bpub")).isEmpty(), "13 is in PACA");
    assertTrue(zoneTables.emptiness(known, dir, Combination.allStays("2024", "re", "28", "bpub")).isPresent(), "none in Normandie");
    assertTrue(zoneTables.emptiness(known, dir, Combination.allStays("2024", "de", "48", "bpri")).isEmpty(),
        "another category: its national table is not known");
    assertTrue(zoneTables.emptiness(known, dir, Combination.allStays("2023", "de", "48", "bpub")).isEmpty(), "another year");
  }

  @Test
  void a_national_file_changed_since_it_was_verified_proves_nothing(@TempDir Path dir) throws Exception {
    Derivations known = withNational(dir);
    Files.writeString(dir.resolve(NATIONAL_FILE), CSV.replace("750712184", "480000001"), StandardCharsets.UTF_8);
    assertTrue(zoneTables.emptiness(known, dir, Combination.allStays("2024", "de", "48", "bpub")).isEmpty());
  }

  @Test
  void a_child_grouping_of_an_empty_table_is_skipped(@TempDir Path dir) {
    Derivations known = new Derivations();
    known.recorded(row(Combination.allStays("2024", "de", "48", "bpri"), Outcome.EMPTY, "", ""));
    known.recorded(row(new Combination("2024", "fe", "99", "bpub", "CAS", "O15"), Outcome.EMPTY, "", ""));
    assertEquals(Optional.of("no establishment: its parent table 2024 bpri LOZÈRE (de 48) tous is empty"),
        zoneTables.emptiness(known, dir, new Combination("2024", "de", "48", "bpri", "A50", "M")));
    assertEquals(Optional.of("no establishment: its parent table 2024 bpub France Entière (fe 99) CAS=O15 is empty"),
        zoneTables.emptiness(known, dir, new Combination("2024", "fe", "99", "bpub", "GP", "N01")),
        "a planning group's parent is its CAS");
    assertTrue(zoneTables.emptiness(known, dir, new Combination("2024", "fe", "99", "bpub", "GP", "O01")).isEmpty());
    assertTrue(zoneTables.emptiness(known, dir, new Combination("2024", "de", "48", "bpub", "A50", "M")).isEmpty());
    assertTrue(zoneTables.emptiness(known, dir, new Combination("2024", "de", "12", "bpub", "CAS", "O15")).isPresent(),
        "the national CAS=O15 table is empty: no zone has one");
  }

  @Test
  void a_table_skipped_as_empty_empties_its_children_too(@TempDir Path dir) {
    Derivations known = new Derivations();
    known.recorded(new ManifestRow(Combination.allStays("2024", "de", "48", "bpri"), Outcome.SKIPPED,
        ZoneTables.NO_ESTABLISHMENT + "the national table … lists none; not requested", 0, "", "", "", "", 0, "", "", false));
    known.recorded(new ManifestRow(Combination.allStays("2024", "de", "12", "bpri"), Outcome.SKIPPED,
        "base=bpri: the site refused it 5 times in a row; not requested", 0, "", "", "", "", 0, "", "", false));
    assertTrue(zoneTables.emptiness(known, dir, new Combination("2024", "de", "48", "bpri", "DA", "D01")).isPresent());
    assertTrue(zoneTables.emptiness(known, dir, new Combination("2024", "de", "12", "bpri", "DA", "D01")).isEmpty(),
        "a table the site would not answer is not an empty one");
  }

  @Test
  void national_tables_come_before_the_zone_tables_that_need_them_and_only_once() {
    Combination fe = Combination.allStays("2024", "fe", "99", "bpub");
    Combination paris = Combination.allStays("2024", "de", "75", "bpub");
    Combination lyon = Combination.allStays("2024", "de", "69", "bpub");
    Combination ara = Combination.allStays("2024", "re", "84", "bpri");
    Plan plan = new Plan("p", () -> List.of(paris, lyon, ara, fe).stream());
    assertEquals(List.of(fe, paris, lyon, Combination.allStays("2024", "fe", "99", "bpri"), ara),
        NationalTablesFirst.of(plan).stream().toList());
  }
}
