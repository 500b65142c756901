package io.github.scansante.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.replica.FormMarkup;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import org.junit.jupiter.api.Test;

/** {@code plan --discover} says where the form's labels differ from the catalogue's. */
class DiscoverCommandTest {

  @Test
  void lists_the_labels_the_form_words_differently() {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().formMarkup(FormMarkup.WORDED).build())) {
      Cli.Result result = Cli.execute("plan", "--discover", "--site", replica.baseUri().toString());

      assertEquals(0, result.exitCode(), result.err());
      assertTrue(result.out().contains("typrgp=tous: form 'Ensemble des séjours et séances', built-in 'Tous séjours/séances'"),
          result.out());
      assertTrue(result.out().contains("base=bpub: form 'Établissements publics & PSPH', built-in 'Publics et PSPH'"), result.out());
      assertFalse(result.out().contains("cannot be told apart"), result.out());
    }
  }

  @Test
  void the_replicas_own_form_differs_in_nothing_but_codes() {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().formMarkup(FormMarkup.PLAIN_TEXT).build())) {
      Cli.Result result = Cli.execute("plan", "--discover", "--site", replica.baseUri().toString());

      assertEquals(0, result.exitCode(), result.err());
      assertFalse(result.out().contains("worded differently"), result.out());
      assertTrue(result.out().contains("base       ball     built-in Tous"), result.out());
    }
  }
}
