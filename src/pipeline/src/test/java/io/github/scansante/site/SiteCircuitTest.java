package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteCircuitTest {

  private final List<Long> pauses = new ArrayList<>();
  private final SiteCircuit circuit = new SiteCircuit(3, 1000, 5000, pauses::add);

  @Test
  void closed_circuit_never_waits() throws InterruptedException {
    circuit.recordFailure();
    circuit.recordFailure();
    circuit.beforeRequest();
    assertEquals(List.of(), pauses);
  }

  @Test
  void after_k_consecutive_failures_each_probe_waits_longer_up_to_the_maximum() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      circuit.recordFailure();
    }
    for (int probe = 0; probe < 5; probe++) {
      circuit.beforeRequest();
      circuit.recordFailure();
    }
    assertEquals(List.of(1000L, 2000L, 4000L, 5000L, 5000L), pauses);
  }

  @Test
  void a_successful_probe_closes_the_circuit_and_resets_the_pause() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      circuit.recordFailure();
    }
    circuit.beforeRequest();
    circuit.recordSuccess();
    assertFalse(circuit.isOpen());
    circuit.beforeRequest();
    for (int i = 0; i < 3; i++) {
      circuit.recordFailure();
    }
    circuit.beforeRequest();
    assertEquals(List.of(1000L, 1000L), pauses);
  }
}
