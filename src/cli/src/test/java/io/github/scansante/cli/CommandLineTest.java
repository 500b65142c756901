package io.github.scansante.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.Fixtures;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      run --plan everything                       | unknown plan 'everything'
      run --delay fast                            | --delay must be a duration
      run --site ftp://example.org                | --site = 'ftp://example.org' is not allowed; use a base http or https URL
      run --site https://www.scansante.fr/x?y=1   | --site = 'https://www.scansante.fr/x?y=1' is not allowed
      run --years 2024-2015                       | --years: plan.years = '2024-2015' is not allowed; use a year or a range such as 2015-2024, earlier year first
      run --limit -3                              | --limit must be 1 or more, not -3
      run --refresh sometimes                     | --refresh: output.refresh = 'sometimes' is not allowed; use all or changed
      run --set no.such.key=1                     | no such key in application.properties
      run --whatever                              | Unknown option: '--whatever'
      run --database mysql://db.example.org/x     | --database: the database URL must look like jdbc:postgresql://
      run --database jdbc:postgresql://db:5432/x?user=u&password=p | --database: the database URL must not carry the password
      run --csv-dialect tsv                       | --csv-dialect: output.csv-dialect = 'tsv' is not allowed; use standard or excel-fr
      serve --cron nonsense                       | --cron: schedule.cron = 'nonsense' is not allowed; use a Quartz cron expression
      serve --jmx-port 70000                      | --jmx-port: jmx.port = '70000' is not allowed; use a whole number from 1 to 65535
      simulate --faults 503:sometimes             | 503:sometimes
      plan --plan nowhere.csv                     | no such plan file: nowhere.csv
      """)
  void bad_input_gets_one_clear_line_and_exit_code_2(String args, String expected) {
    Cli.Result r = Cli.execute(args.trim().split("\\s+"));
    assertEquals(2, r.exitCode(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("scansante: ") && lines.get(0).contains(expected), lines.get(0));
  }

  @Test
  void an_unwritable_output_folder_is_bad_input(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "x");
    Cli.Result r = Cli.execute("run", "--output", file.resolve("out").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("scansante: cannot create the output folder"), r.err());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"run", "serve", "demo"})
  void a_blank_output_is_bad_input(String command) {
    for (String blank : List.of("", "  ")) {
      Cli.Result r = Cli.execute(command, "--output", blank);
      assertEquals(2, r.exitCode(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("scansante: ") && r.err().contains("output"), r.err());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"run", "serve", "demo"})
  void an_output_that_is_a_file_is_bad_input_and_left_alone(String command, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("results.csv"), "x");
    Cli.Result r = Cli.execute(command, "--output", file.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(List.of("scansante: the output folder " + file + " is a file, not a folder; choose another with --output"),
        r.err().lines().toList());
    assertEquals("x", Files.readString(file));
  }

  @Test
  void plan_prints_one_combination_a_line_then_the_count() {
    Cli.Result r = Cli.execute("plan", "--plan", "strategic", "--years", "2024");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("2024|fe|99|bpub|tous||", lines.get(0));
    assertEquals("29 combinations", lines.get(lines.size() - 1), "24 France + 5 departments");
    assertEquals(30, lines.size());
  }

  @Test
  void discover_compares_the_forms_codes_with_the_built_in_catalogue() {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      Cli.Result r = Cli.execute("plan", "--discover", "--site", replica.baseUri().toString());
      assertEquals(0, r.exitCode(), r.err());
      List<String> lines = r.out().lines().toList();
      assertTrue(lines.contains(String.format("%-10s %-8s %-8s %s", "base", "ball", "built-in", "Tous")), r.out());
      assertTrue(lines.contains(String.format("%-10s %-8s %-8s %s", "base", "bpub", "both", "Publics et PSPH")), r.out());
      assertTrue(lines.contains(String.format("%-10s %-8s %-8s %s", "zone-de", "2A", "both", "CORSE-DU-SUD")), r.out());
    }
  }

  @Test
  void help_is_there_for_every_command() {
    for (String command : List.of("run", "plan", "parse", "serve", "simulate", "demo")) {
      Cli.Result r = Cli.execute(command, "--help");
      assertEquals(0, r.exitCode(), command);
      assertTrue(r.out().contains("Usage: scansante " + command), r.out());
    }
  }

  @Test
  void parse_reproduces_the_real_page_cell_for_cell() throws IOException {
    Path page = Fixtures.page("2024_fe_99_bpub_tous.html");
    Cli.Result r = Cli.execute("parse", page.toString());
    assertEquals(0, r.exitCode(), r.err());
    List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(r.out())).getRecords();
    assertEquals(774, records.size(), "header + 773 establishments");
    assertEquals("Nombre de séjours séances total", records.get(0).get(4));
    assertEquals(List.of("CH", "010007987", "CH HAUTEVILLE-LOMPNES", "M12", "572", "497", "75", "0", "59,6 %", "62,42", "10,77", "15,9 %"),
        records.get(1).toList());
    ResultPage parsed = new PageParser().parse(Files.readString(page));
    for (int i = 0; i < parsed.establishments().size(); i++) {
      assertEquals(parsed.establishments().get(i), records.get(i + 1).toList());
    }
  }

  @Test
  void parse_exits_3_with_the_reason_when_the_page_has_no_data_table() {
    Cli.Result r = Cli.execute("parse", Fixtures.page("error_requete-n-a-pu-aboutir.html").toString());
    assertEquals(3, r.exitCode());
    assertTrue(r.err().contains("Votre requête n'a pu aboutir"), r.err());
    assertEquals("", r.out());
  }
}
