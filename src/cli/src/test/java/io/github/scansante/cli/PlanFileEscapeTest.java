package io.github.scansante.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A plan file's codes become folder and file names: one that tries to lead out of the output folder
 * is bad input, refused with exit 2 before anything is requested or written.
 */
class PlanFileEscapeTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      codegeo | ../..
      codegeo | /etc
      annee   | ../../../tmp/x
      base    | ..
      A50     | ../../etc/cron.d/x
      CAS     | C/../../..
      codegeo | 99%2F..
      """)
  void a_code_that_would_leave_the_output_folder_is_refused(String column, String code, @TempDir Path dir) throws IOException {
    String header = "annee,tgeo,codegeo,base,A50,CAS";
    String line = switch (column) {
      case "annee" -> "\"" + code + "\",fe,99,bpub,,";
      case "codegeo" -> "2024,fe,\"" + code + "\",bpub,,";
      case "base" -> "2024,fe,99,\"" + code + "\",,";
      case "A50" -> "2024,fe,99,bpub,\"" + code + "\",";
      default -> "2024,fe,99,bpub,,\"" + code + "\"";
    };
    Path plan = Files.writeString(dir.resolve("evil.csv"), header + "\n" + line + "\n");
    Path out = dir.resolve("out");
    for (String command : List.of("run", "plan")) {
      List<String> args = command.equals("run")
          ? List.of("run", "--plan", plan.toString(), "--output", out.toString(), "--site", "http://127.0.0.1:9")
          : List.of("plan", "--plan", plan.toString());
      Cli.Result r = Cli.execute(args.toArray(String[]::new));
      assertEquals(2, r.exitCode(), command + ": " + r.err());
      assertEquals("scansante: " + plan + " line 2: " + column + " '" + code + "' is not a code of 1 to 16 letters or digits",
          r.err().strip());
    }
    try (Stream<Path> left = Files.walk(dir)) {
      assertEquals(List.of(dir, plan), left.sorted().toList(), "nothing written, not even the output folder");
    }
  }
}
