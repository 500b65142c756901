package io.github.scansante.replica;

/**
 * One establishment of the synthetic dataset. {@code category} and {@code name} are empty for the
 * few rows the real site also shows with a FINESS only.
 */
public record Establishment(
    String finess, String department, String region, String base, String category, String name) {

  public boolean isAnonymous() {
    return name.isEmpty();
  }
}
