package io.github.scansante.economy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.economy.Verification.State;
import org.junit.jupiter.api.Test;

class VerificationTest {

  @Test
  void derivation_is_trusted_only_once_k_samples_matched() {
    Verification v = new Verification("2024 bpub", 3);
    assertEquals(State.SAMPLING, v.state());
    v.matched();
    v.matched();
    assertEquals(State.SAMPLING, v.state(), "two of three");
    v.matched();
    assertEquals(State.VERIFIED, v.state());
    assertEquals("verified: 3 zone tables of 2024 bpub asked of the site had the same cells", v.describe());
  }

  @Test
  void one_difference_turns_derivation_off_for_good() {
    Verification v = new Verification("2023 bpri", 3);
    v.matched();
    v.differs("row 2, column 'Nombre de séjours': derived '12', site '13'");
    v.matched();
    v.matched();
    v.matched();
    assertEquals(State.OFF, v.state());
    assertEquals("derivation off for 2023 bpri: row 2, column 'Nombre de séjours': derived '12', site '13'", v.describe());
  }

  @Test
  void a_site_refusing_every_sample_leaves_the_derived_tables_unverified() {
    Verification v = new Verification("2024 bpub", 2);
    v.refused();
    v.refused();
    assertEquals(State.UNVERIFIED, v.state());
    assertTrue(v.describe().startsWith("unverified: the site refused all 2 zone tables of 2024 bpub"), v.describe());
    Verification mixed = new Verification("2024 bpub", 2);
    mixed.refused();
    mixed.matched();
    assertEquals(State.VERIFIED, mixed.state(), "one match is a verification; the refusal is said");
    assertTrue(mixed.describe().endsWith("(1 refused)"), mixed.describe());
  }

  @Test
  void no_sample_asked_means_unverified() {
    assertEquals(State.UNVERIFIED, new Verification("2024 bpub", 0).state());
  }
}
