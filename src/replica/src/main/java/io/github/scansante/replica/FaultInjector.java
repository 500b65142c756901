package io.github.scansante.replica;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a {@link FaultSpec} to arriving requests. It numbers distinct queries in order of first
 * arrival and counts attempts per query (separately for each endpoint), so the same sequence of
 * requests always meets the same faults, whatever the timing.
 */
final class FaultInjector {

  /** Arrival order of a query (1-based) and how many times it has arrived. */
  private static final class Arrivals {
    final int ordinal;
    int attempts;

    Arrivals(int ordinal) {
      this.ordinal = ordinal;
    }
  }

  private final long seed;
  private final List<FaultSpec.Rule> rules;
  private final Map<FaultSpec.Scope, Map<String, Arrivals>> arrivals = new EnumMap<>(FaultSpec.Scope.class);

  FaultInjector(FaultSpec spec, long seed) {
    this.seed = seed;
    this.rules = spec.rules();
    for (FaultSpec.Scope scope : FaultSpec.Scope.values()) {
      arrivals.put(scope, new HashMap<>());
    }
  }

  /** Records one arrival of {@code rawQuery} and returns the first rule it meets, if any. */
  synchronized Optional<FaultSpec.Rule> arrive(FaultSpec.Scope scope, String rawQuery) {
    String query = rawQuery == null ? "" : rawQuery;
    Map<String, Arrivals> seen = arrivals.get(scope);
    Arrivals a = seen.computeIfAbsent(query, q -> new Arrivals(seen.size() + 1));
    a.attempts++;
    for (int i = 0; i < rules.size(); i++) {
      FaultSpec.Rule rule = rules.get(i);
      if (rule.scope() == scope && meets(rule, i, query, a)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private boolean meets(FaultSpec.Rule rule, int ruleIndex, String query, Arrivals a) {
    if (rule.kind().equals(FaultSpec.IGNORE_GROUPING) && !SubmitResolver.asksForGrouping(QueryParams.parse(query))) {
      return false; // no grouping to ignore: the answer would be the right one
    }
    if (rule.every() > 0) {
      return a.ordinal % rule.every() == 0 && a.attempts <= rule.attempts();
    }
    if (rule.first() > 0) {
      return a.ordinal <= rule.first() && a.attempts <= rule.attempts();
    }
    return draw(ruleIndex, query, a.attempts) < rule.rate();
  }

  /** A uniform number in [0, 1) fixed by the seed, the rule, the query and the attempt. */
  private double draw(int ruleIndex, String query, int attempt) {
    long h = 0xcbf29ce484222325L; // FNV-1a, stable across JVMs unlike identity hashes
    for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    long z = seed ^ h ^ ((long) attempt << 40) ^ ((long) ruleIndex << 56);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 11) * 0x1.0p-53;
  }
}
