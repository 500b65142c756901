package io.github.scansante.cli;

import static io.github.scansante.cli.SettingsValidationTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the command line refuses before sending anything: impolite delays, empty limits, empty plans. */
class GuardRailsTest {

  @ParameterizedTest(name = "--delay {0}")
  @ValueSource(strings = {"0", "10ms", "1999ms", "1.5s"})
  void a_delay_under_2s_for_a_site_that_is_not_on_this_machine_is_refused(String delay, @TempDir Path out) throws IOException {
    Cli.Result r = Cli.execute("run", "--site", "http://192.0.2.1", "--output", out.toString(), "--delay", delay);
    assertRefused(r, "a delay of ");
    assertTrue(r.err().contains("http://192.0.2.1, which is not on this machine: its operator can expect one request every 2 s"
        + " from an automated client; use --delay 2s or more, or add --unsafe-delay if the operator agreed"), r.err());
    assertTrue(Files.list(out).findAny().isEmpty(), "nothing started");
    assertRefused(Cli.execute("serve", "--site", "https://www.scansante.fr", "--output", out.toString(), "--delay", delay),
        "a delay of ");
  }

  @Test
  void the_property_route_to_a_short_delay_is_guarded_the_same_way(@TempDir Path out) {
    assertRefused(Cli.execute("run", "--output", out.toString(), "--set", "throttle.period-ms=100"),
        "a delay of 100 ms between requests is too short for https://www.scansante.fr");
  }

  @Test
  void a_short_delay_runs_against_a_site_on_this_machine_and_when_confirmed(@TempDir Path out) throws IOException {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      Cli.Result local = Cli.run(replica.baseUri().toString(), out.resolve("local"), "--delay", "10ms", "--limit", "2");
      assertEquals(0, local.exitCode(), local.err());
      // localhost is loopback by name, 127.0.0.1 by address; the confirmation is accepted as well.
      String byName = "http://localhost:" + replica.baseUri().getPort();
      Cli.Result confirmed = Cli.run(byName, out.resolve("confirmed"), "--delay", "10ms", "--unsafe-delay", "--limit", "2");
      assertEquals(0, confirmed.exitCode(), confirmed.err());
      assertEquals(4, replica.requestLog().submitEntries().size(), "two combinations in each run");
    }
  }

  @ParameterizedTest(name = "{0} --limit {1}")
  @CsvSource({"run, 0", "run, -1", "plan, 0", "plan, -1", "serve, 0"})
  void limit_must_be_at_least_one(String command, String limit, @TempDir Path out) {
    List<String> args = command.equals("plan") ? List.of("plan", "--limit", limit)
        : List.of(command, "--output", out.toString(), "--limit", limit);
    assertRefused(Cli.execute(args.toArray(String[]::new)),
        "--limit must be 1 or more, not " + limit + "; leave it out to run the whole plan");
  }

  @Test
  void years_outside_the_catalogue_select_nothing_and_say_so(@TempDir Path out) throws IOException {
    assertRefused(Cli.execute("plan", "--years", "2030"),
        "year 2030 is not in the catalogue (2015–2024); choose years in that range with --years");
    assertRefused(Cli.execute("run", "--site", "http://127.0.0.1:9", "--output", out.toString(), "--years", "2030-2031"),
        "years 2030–2031 are not in the catalogue (2015–2024)");
    try (Stream<Path> written = Files.list(out)) {
      assertEquals(List.of(), written.toList(), "no empty master or report");
    }
  }

  @Test
  void years_a_plan_does_not_cover_are_named_with_what_it_covers(@TempDir Path dir) throws IOException {
    Path plan = Files.writeString(dir.resolve("mine.csv"), "annee,tgeo,codegeo,base\n2023,fe,99,bpub\n2024,fe,99,bpub\n2019,fe,99,bpub\n");
    assertRefused(Cli.execute("plan", "--plan", plan.toString(), "--years", "2015-2018"),
        "years 2015–2018 are not in plan file " + plan + " (2019, 2023–2024); choose years it covers with --years");
    Path empty = Files.writeString(dir.resolve("empty.csv"), "annee,tgeo,codegeo,base\n");
    assertRefused(Cli.execute("plan", "--plan", empty.toString()),
        "plan file " + empty + " has no combination; add lines under its header");
  }
}
