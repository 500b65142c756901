package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.cli.Cli;
import io.github.scansante.output.DataFiles;
import io.github.scansante.page.EchoText;
import io.github.scansante.replica.FormMarkup;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real site's form markup is unknown: whatever shape the landing form takes, the pipeline reads
 * the same codes and writes the same files, byte for byte, as against the replica's own form.
 */
class FormShapesTest {

  /** The strategic plan's newest year: every base, grouping and department of the plan, 29 combinations. */
  private static final String[] PLAN = {"--plan", "strategic", "--years", "2024"};
  private static Map<String, String> ownFormFiles;

  @BeforeAll
  static void runAgainstTheReplicasOwnForm(@TempDir Path dir) throws IOException {
    ownFormFiles = strategicRun(FormMarkup.LABELS, dir.resolve("labels"));
    assertEquals(21, ownFormFiles.size(), "bpub and bpri x 8 groupings + 5 departments: " + ownFormFiles.keySet());
  }

  /** Data files written, by path, with their SHA-256. */
  private static Map<String, String> strategicRun(FormMarkup markup, Path out) throws IOException {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().formMarkup(markup).build())) {
      Cli.Result result = Cli.runWithoutDatabase(replica.baseUri().toString(), out, PLAN);
      assertEquals(0, result.exitCode(), result.err());
    }
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      walk.filter(p -> p.toString().endsWith(".csv") && out.relativize(p).getNameCount() > 1
          && !out.relativize(p).startsWith(".scansante"))
          .forEach(p -> files.put(out.relativize(p).toString(), DataFiles.sha256(p)));
    }
    return files;
  }

  @ParameterizedTest
  @EnumSource(value = FormMarkup.class, names = "LABELS", mode = EnumSource.Mode.EXCLUDE)
  void the_strategic_run_writes_the_same_files_whatever_the_forms_markup(FormMarkup markup, @TempDir Path dir) throws IOException {
    assertEquals(ownFormFiles, strategicRun(markup, dir.resolve(markup.optionName())));
  }

  @ParameterizedTest
  @EnumSource(FormMarkup.class)
  void every_option_is_read_with_its_own_label_never_a_containers_text(FormMarkup markup) throws Exception {
    String html;
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().formMarkup(markup).build())) {
      html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.landingUri()).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    }
    Catalogue form = new FormDiscovery().read(html, "replica");
    Catalogue builtIn = Catalogue.builtIn();
    for (String field : new String[] {"annee", "tgeo", "base", "typrgp", "A50", "CAS", "zone-fe", "zone-de"}) {
      assertEquals(field.equals("base") ? java.util.List.of("bpub", "bpri") : builtIn.codes(field), form.codes(field), field);
      for (String code : form.codes(field)) {
        String label = form.label(field, code).orElseThrow();
        assertFalse(label.isBlank(), field + "=" + code + " has a label");
        assertTrue(label.length() < 80, field + "=" + code + " label is not a container's text: " + label);
        if (markup != FormMarkup.WORDED) {
          assertTrue(EchoText.sameWords(label, builtIn.label(field, code).orElseThrow()), field + "=" + code + ": " + label);
        }
      }
    }
    if (markup == FormMarkup.WORDED) {
      assertEquals("Ensemble des séjours et séances", form.label("typrgp", "tous").orElseThrow());
    }
  }
}
