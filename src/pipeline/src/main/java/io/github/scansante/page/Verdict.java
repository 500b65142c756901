package io.github.scansante.page;

import java.util.Objects;

/**
 * The classification of one response, with a reason a person can act on, e.g. "year line 'Année:
 * 2023' does not restate year 2024".
 */
public record Verdict(Outcome outcome, String reason) {

  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }
}
