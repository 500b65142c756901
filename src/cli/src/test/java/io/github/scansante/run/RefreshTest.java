package io.github.scansante.run;

import io.github.scansante.flow.ManifestRow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.scansante.cli.Cli;
import io.github.scansante.page.Outcome;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --refresh changed: frozen years already verified are not asked again; the weekly year always is. */
class RefreshTest {

  private static Map<String, Outcome> outcomes(Path out) {
    return ManifestWriter.read(out.resolve(RunJournal.MANIFEST)).stream()
        .collect(Collectors.toMap(r -> r.combination().annee(), ManifestRow::outcome));
  }

  @Test
  void frozen_years_with_verified_files_are_skipped(@TempDir Path dir) throws Exception {
    Path plan = dir.resolve("plan.csv");
    Files.writeString(plan, "annee,tgeo,codegeo,base\n2023,fe,99,bpub\n2024,fe,99,bpub\n");
    Path out = dir.resolve("out");
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
      String site = replica.baseUri().toString();
      assertEquals(0, Cli.runWithoutDatabase(site, out, "--plan", plan.toString()).exitCode());
      assertEquals(Map.of("2023", Outcome.DATA, "2024", Outcome.DATA), outcomes(out));
      int before = replica.requestLog().submitEntries().size();

      assertEquals(0, Cli.runWithoutDatabase(site, out, "--plan", plan.toString(), "--refresh", "changed").exitCode());
      assertEquals(Map.of("2023", Outcome.UNCHANGED, "2024", Outcome.DATA), outcomes(out));
      List<String> asked = replica.requestLog().submitEntries().subList(before, replica.requestLog().submitEntries().size())
          .stream().map(e -> e.rawQuery()).toList();
      assertEquals(1, asked.size());
      assertEquals(true, asked.get(0).contains("annee=2024"), "the weekly-updated year is asked again");

      // A file that no longer matches its checksum is fetched again.
      Path file2023 = out.resolve("01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2023_tous_sejours.csv");
      Files.writeString(file2023, "tampered");
      assertEquals(0, Cli.runWithoutDatabase(site, out, "--plan", plan.toString(), "--refresh", "changed").exitCode());
      assertEquals(Map.of("2023", Outcome.DATA, "2024", Outcome.DATA), outcomes(out));
      assertEquals(true, Files.readString(file2023).contains("Finess"));
    }
  }
}
