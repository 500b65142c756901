package io.github.scansante.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every property the command line can change is checked before anything starts: one line naming
 * the key, the value and what is allowed, exit code 2, and nothing written.
 */
class SettingsValidationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      throttle.period-ms=0               | throttle.period-ms = '0' is not allowed; use a whole number from 1 to 600000 milliseconds (10 min)
      throttle.period-ms=-2000           | throttle.period-ms = '-2000' is not allowed; use a whole number from 1 to 600000
      throttle.period-ms=86400000000     | throttle.period-ms = '86400000000' is not allowed; use a whole number from 1 to 600000
      throttle.period-ms=2s              | throttle.period-ms = '2s' is not allowed; use a whole number
      throttle.disabled=maybe            | throttle.disabled = 'maybe' is not allowed; use true or false
      site.url=file:///etc/passwd        | site.url = 'file:///etc/passwd' is not allowed; use a base http or https URL
      site.url=https://user:pw@example.org | site.url = 'https://user:pw@example.org' is not allowed
      site.landing-path=applications     | site.landing-path = 'applications' is not allowed; use a path that starts with /
      site.connect-timeout-ms=-1         | site.connect-timeout-ms = '-1' is not allowed; use a whole number from 1 to 600000
      site.read-timeout-ms=0             | site.read-timeout-ms = '0' is not allowed; use a whole number from 1 to 3600000
      site.response-deadline-ms=0        | site.response-deadline-ms = '0' is not allowed; use a whole number from 1 to 3600000 milliseconds (1 h)
      retry.max-retries=-1               | retry.max-retries = '-1' is not allowed; use a whole number from 0 to 20 retries
      retry.max-retries=1000             | retry.max-retries = '1000' is not allowed
      retry.multiplier=0.5               | retry.multiplier = '0.5' is not allowed; use a number from 1.0 to 10.0
      retry.initial-delay-ms=-5          | retry.initial-delay-ms = '-5' is not allowed
      circuit.failure-threshold=0        | circuit.failure-threshold = '0' is not allowed; use a whole number from 1 to 1000
      circuit.initial-pause-ms=0         | circuit.initial-pause-ms = '0' is not allowed
      circuit.give-up-attempts=-1        | circuit.give-up-attempts = '-1' is not allowed; use a whole number from 0 to 1000 attempts (0 = never give up)
      circuit.give-up-after-ms=soon      | circuit.give-up-after-ms = 'soon' is not allowed; use a whole number from 0 to 604800000 milliseconds (0 = never give up)
      run.stop-grace-ms=-1               | run.stop-grace-ms = '-1' is not allowed; use a whole number from 0 to 600000 milliseconds (10 min)
      page.max-bytes=2147483647          | page.max-bytes = '2147483647' is not allowed; use a whole number from 1024 to 268435456 bytes
      page.max-bytes=-1                  | page.max-bytes = '-1' is not allowed
      page.charset=KLINGON-8             | page.charset = 'KLINGON-8' is not allowed; use a charset name
      plan.limit=-1                      | plan.limit = '-1' is not allowed; use a whole number from 0 to 1000000000 combinations (0 = the whole plan)
      plan.years=soon                    | plan.years = 'soon' is not allowed; use a year or a range such as 2015-2024
      output.refresh=sometimes           | output.refresh = 'sometimes' is not allowed; use all or changed
      output.csv-dialect=tsv             | output.csv-dialect = 'tsv' is not allowed; use standard or excel-fr
      database.pool-size=0               | database.pool-size = '0' is not allowed; use a whole number from 1 to 64 connections
      database.duckdb.memory-limit=lots  | database.duckdb.memory-limit = 'lots' is not allowed; use a size such as 512MB or 2GB
      database.url=jdbc:mysql://db/x     | the database URL must look like jdbc:postgresql://
      progress.interval-ms=0             | progress.interval-ms = '0' is not allowed
      schedule.cron=0 0 3 * * MON        | schedule.cron = '0 0 3 * * MON' is not allowed; use a Quartz cron expression, seconds first
      schedule.cron=nonsense             | schedule.cron = 'nonsense' is not allowed
      schedule.time-zone=Mars/Olympus    | schedule.time-zone = 'Mars/Olympus' is not allowed; use a time-zone name such as Europe/Paris
      jmx.port=0                         | jmx.port = '0' is not allowed; use a whole number from 1 to 65535 (a TCP port)
      """)
  void a_bad_value_is_one_line_naming_the_key_the_value_and_what_is_allowed(String setting, String expected, @TempDir Path out)
      throws IOException {
    // Never the real site: a value wrongly accepted would meet a closed port on this machine.
    List<String> args = new ArrayList<>(List.of("run", "--output", out.toString(), "--set", setting));
    if (!setting.startsWith("site.url=")) {
      args.addAll(List.of("--site", "http://127.0.0.1:9"));
    }
    Cli.Result r = Cli.execute(args.toArray(String[]::new));
    assertRefused(r, expected);
    assertTrue(Files.list(out).findAny().isEmpty(), "nothing written");
  }

  @Test
  void a_header_injection_in_the_user_agent_is_refused_and_shown_on_one_line() {
    Cli.Result bad = Cli.execute("run", "--site", "http://127.0.0.1:9", "--set", "site.user-agent=me\r\nX-Admin: 1");
    assertRefused(bad, "site.user-agent = 'me??X-Admin: 1' is not allowed; use 1 to 256 printable ASCII characters");
  }

  @Test
  void a_huge_value_is_never_echoed_in_full() {
    String huge = "9".repeat(2_000_000);
    Cli.Result r = Cli.execute("run", "--site", "http://127.0.0.1:9", "--set", "throttle.period-ms=" + huge);
    assertRefused(r, "throttle.period-ms = '" + "9".repeat(80) + "… (2000000 characters)' is not allowed");
    assertTrue(r.err().length() < 400, r.err().length() + " characters");
  }

  @Test
  void a_value_set_by_an_option_names_the_option_too() {
    assertRefused(Cli.execute("run", "--site", "http://127.0.0.1:9", "--delay", "20m"),
        "--delay: throttle.period-ms = '1200000' is not allowed; use a whole number from 1 to 600000 milliseconds (10 min)");
    assertRefused(Cli.execute("simulate", "--port", "70000"),
        "--port: replica.port = '70000' is not allowed; use a whole number from 0 to 65535");
  }

  @Test
  void a_camel_option_camel_does_not_know_is_bad_input_too(@TempDir Path out) {
    Cli.Result r = Cli.execute("run", "--output", out.toString(), "--site", "http://127.0.0.1:9", "--limit", "1",
        "--set", "camel.main.no-such-option=1", "--set", "camel.main.jmx-enabled=false");
    assertRefused(r, "camel.main.noSuchOption = '1' is not an option Camel knows");
  }

  /** Environment variables and ./application.properties reach every command through the same resolver. */
  @Test
  void environment_and_working_directory_file_reach_commands_that_run_without_camel(@TempDir Path dir) throws Exception {
    Child env = child(dir, Map.of("THROTTLE_PERIOD_MS", "0"), "plan", "--years", "2024");
    assertEquals(2, env.exitCode(), env.output());
    assertTrue(env.output().contains("throttle.period-ms = '0' is not allowed"), env.output());

    // A raw Latin-1 byte, as Camel reads the file: ISO-8859-1, so 0xE9 is é.
    Files.write(dir.resolve("application.properties"), "plan.name = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Child file = child(dir, Map.of(), "plan");
    assertEquals(2, file.exitCode(), file.output());
    assertTrue(file.output().contains("unknown plan 'caf\u00e9'"), file.output());
  }

  private record Child(int exitCode, String output) {}

  private static Child child(Path dir, Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), ScansanteCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Child(process.exitValue(), output);
  }

  static void assertRefused(Cli.Result r, String expected) {
    assertEquals(2, r.exitCode(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).startsWith("scansante: " + expected), lines.get(0));
    assertFalse(lines.get(0).matches(".*\\b[a-z]+(\\.[a-z0-9]+)+\\.[A-Z]\\w*(Exception|Error)\\b.*"), "no class name: " + lines.get(0));
  }
}
