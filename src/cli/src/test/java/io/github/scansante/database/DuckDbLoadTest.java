package io.github.scansante.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.report.MasterTable;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded DuckDB and its Parquet copy, after real passes against the replica. */
class DuckDbLoadTest {

  /** France 2024 and 2023: all stays and the restricted groupings (11-column tables), both categories. */
  private static final String[] PLAN = {"--plan", "france", "--years", "2023-2024", "--limit", "16"};
  private static ReplicaServer replica;

  @BeforeAll
  static void startReplica() {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
  }

  @AfterAll
  static void stopReplica() {
    replica.close();
  }

  @Test
  void after_demo_the_database_and_the_parquet_hold_exactly_the_master(@TempDir Path out, @TempDir Path work) throws Exception {
    Path plan = Files.writeString(work.resolve("plan.csv"), String.join("\n", "annee,tgeo,codegeo,base,A50,CAS",
        "2024,fe,99,bpub,,", "2024,fe,99,bpri,,", "2024,fe,99,bpub,M,", "2024,fe,99,bpri,C,", "2023,fe,99,bpub,,O14",
        "2024,de,75,bpub,,", "2024,de,2A,bpub,,", "2022,re,11,bpri,,", ""));
    Cli.Result r = Cli.execute("demo", "--output", out.toString(), "--delay", "0", "--plan", plan.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains(DuckDbStore.FILE_NAME), r.out());
    List<String> master = CanonicalRows.ofFile(out.resolve(MasterTable.FILE_NAME), Table.ACTIVITY);
    assertTrue(master.size() > 1000, "a real pass: " + master.size());
    try (Connection db = open(out)) {
      assertEquals(master, CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY));
      assertEquals(master, CanonicalRows.ofQuery(db, "SELECT * FROM read_parquet('" + out.resolve(DuckDbStore.PARQUET_FILE) + "')",
          Table.ACTIVITY));
      assertEquals("VARCHAR", scalar(db, "SELECT data_type FROM information_schema.columns WHERE table_name = 'activity' AND column_name = 'finess'"));
      assertEquals("BIGINT", scalar(db, "SELECT data_type FROM information_schema.columns WHERE table_name = 'activity' AND column_name = 'sejours_hp'"));
      assertEquals("DOUBLE", scalar(db, "SELECT data_type FROM information_schema.columns WHERE table_name = 'activity' AND column_name = 'deces'"));
      // Masked cells: NULL and listed, never 0.
      assertEquals("0", scalar(db, "SELECT count(*) FROM activity WHERE masked_fields LIKE '%sejours_hp%' AND sejours_hp IS NOT NULL"));
      assertFalse(scalar(db, "SELECT count(*) FROM activity WHERE masked_fields LIKE '%sejours_hp%'").equals("0"), "the replica masks small counts");
      assertTrue(scalar(db, "SELECT min(length(finess)) FROM activity").equals("9"), "leading zeros kept");
      assertEquals(CanonicalRows.ofFile(out.resolve(RunJournal.MANIFEST), Table.COMBINATIONS),
          CanonicalRows.ofQuery(db, "SELECT * FROM combinations", Table.COMBINATIONS));
      assertEquals("1", scalar(db, "SELECT count(*) FROM runs"));
      assertEquals(Integer.toString(Table.SCHEMA_VERSION), scalar(db, "SELECT version FROM scansante_schema"));
    }
  }

  @Test
  void a_second_pass_replaces_what_it_wrote_and_duplicates_nothing(@TempDir Path out) throws Exception {
    pass(out);
    pass(out, "--refresh", "all");
    List<String> master = CanonicalRows.ofFile(out.resolve(MasterTable.FILE_NAME), Table.ACTIVITY);
    try (Connection db = open(out)) {
      assertEquals(master, CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY), "the new fetch times, no duplicates");
      assertEquals("2", scalar(db, "SELECT count(*) FROM runs"));
      assertEquals(scalar(db, "SELECT count(*) FROM combinations"),
          Long.toString(Files.readAllLines(out.resolve(RunJournal.MANIFEST)).size() - 1));
    }
    // A smaller pass: the combinations it no longer has leave the table with the master.
    pass(out, "--limit", "3");
    try (Connection db = open(out)) {
      assertEquals(CanonicalRows.ofFile(out.resolve(MasterTable.FILE_NAME), Table.ACTIVITY),
          CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY));
    }
  }

  @Test
  void a_load_that_fails_midway_leaves_the_previous_state_and_the_next_one_catches_up(@TempDir Path out) throws Exception {
    pass(out);
    Path masterFile = out.resolve(MasterTable.FILE_NAME);
    String good = Files.readString(masterFile, StandardCharsets.UTF_8);
    List<String> before;
    try (Connection db = open(out)) {
      before = CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY);
    }
    // The last row: another fetch (so its combination is replaced) with a count DuckDB cannot read.
    List<String> lines = good.lines().toList();
    String last = lines.get(lines.size() - 1);
    String refetched = last.replaceFirst(",\\d{4}-\\d\\d-\\d\\dT[^,]*Z,", ",2030-01-02T03:04:05Z,");
    String broken = refetched.replaceFirst(",M(\\d+),\\d+,", ",M$1,not-a-count,");
    assertFalse(refetched.equals(last) || broken.equals(refetched), last);
    Files.writeString(masterFile, good.replace(last, broken), StandardCharsets.UTF_8);
    assertThrows(Exception.class, () -> new DuckDbStore("1GB").load(out));
    try (Connection db = open(out)) {
      assertEquals(before, CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY), "rolled back");
    }
    Files.writeString(masterFile, good.replace(last, refetched), StandardCharsets.UTF_8);
    new DuckDbStore("1GB").load(out);
    try (Connection db = open(out)) {
      assertEquals(CanonicalRows.ofFile(masterFile, Table.ACTIVITY), CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY));
    }
  }

  @Test
  void a_table_of_another_shape_gets_one_line_and_the_files_are_still_written(@TempDir Path out) throws Exception {
    try (Connection db = open(out); Statement sql = db.createStatement()) {
      sql.execute("CREATE TABLE activity (finess INTEGER, note VARCHAR)");
      sql.execute("INSERT INTO activity VALUES (42, 'mine')");
    }
    try (CapturedLog log = new CapturedLog()) {
      pass(out);
      assertEquals(1, log.errors().size(), log.lines().toString());
      String line = log.errors().get(0);
      assertTrue(line.startsWith("ERROR scansante.duckdb not loaded: table activity already exists with another shape (column 1 is finess INTEGER, expected annee BIGINT)"), line);
      assertFalse(line.contains("[stack trace]"), line);
    }
    assertTrue(Files.size(out.resolve(MasterTable.FILE_NAME)) > 0);
    try (Connection db = open(out)) {
      assertEquals("42", scalar(db, "SELECT finess FROM activity"), "left as it was");
      assertEquals("0", scalar(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'combinations'"), "nothing created");
    }
  }

  @Test
  void a_database_of_an_earlier_schema_version_is_left_alone_and_rebuilt_once_set_aside(@TempDir Path out) throws Exception {
    try (Connection db = open(out); Statement sql = db.createStatement()) {
      sql.execute("CREATE TABLE " + Table.SCHEMA_TABLE + " (version BIGINT, created TIMESTAMP)");
      sql.execute("INSERT INTO " + Table.SCHEMA_TABLE + " VALUES (1, current_timestamp)");
    }
    try (CapturedLog log = new CapturedLog()) {
      pass(out);
      assertEquals(1, log.errors().size(), log.lines().toString());
      String line = log.errors().get(0);
      assertTrue(line.contains("schema version 1, this version of the tool writes version " + Table.SCHEMA_VERSION
          + ": nothing loaded; rename or remove it"), line);
    }
    try (Connection db = open(out)) {
      assertEquals("0", scalar(db, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'activity'"), "left alone");
    }
    Files.move(out.resolve(DuckDbStore.FILE_NAME), out.resolve("old.duckdb"));
    pass(out);
    try (Connection db = open(out)) {
      assertEquals(Integer.toString(Files.readAllLines(out.resolve(MasterTable.FILE_NAME)).size() - 1),
          scalar(db, "SELECT count(*) FROM activity"), "rebuilt: every row of the master");
    }
  }

  @Test
  void french_excel_dialect_loads_the_same_numbers(@TempDir Path out) throws Exception {
    pass(out, "--csv-dialect", "excel-fr");
    Path masterFile = out.resolve(MasterTable.FILE_NAME);
    String header = Files.readAllLines(masterFile, StandardCharsets.UTF_8).get(0);
    assertTrue(header.startsWith("\uFEFFannee;niveau_geo;code_zone;"), header);
    String dataFile = Files.readAllLines(out.resolve(RunJournal.MANIFEST)).get(1).split(",")[11];
    String fileHeader = Files.readAllLines(out.resolve(dataFile), StandardCharsets.UTF_8).get(0);
    assertTrue(fileHeader.startsWith("\uFEFFCatégorie;Finess;Raison Sociale;"), fileHeader);
    List<String> master = CanonicalRows.ofFile(masterFile, Table.ACTIVITY);
    assertTrue(master.stream().anyMatch(r -> r.matches(".*\\|0\\.\\d+\\|.*")), "decimal commas read as decimals");
    try (Connection db = open(out)) {
      assertEquals(master, CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY));
    }
  }

  private static void pass(Path out, String... extra) {
    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(PLAN), java.util.Arrays.stream(extra)).toArray(String[]::new);
    Cli.Result r = Cli.run(replica.baseUri().toString(), out, args);
    assertEquals(0, r.exitCode(), r.err());
  }

  static Connection open(Path out) throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:" + out.resolve(DuckDbStore.FILE_NAME).toAbsolutePath());
  }

  static String scalar(Connection db, String query) throws SQLException {
    try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return String.valueOf(rs.getObject(1));
    }
  }
}
