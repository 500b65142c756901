package io.github.scansante.replica;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which requests the replica answers badly, parsed from a spec string of comma-separated rules
 * {@code kind:selector[:param=value...]}:
 *
 * <ul>
 *   <li>kind: a 5xx status ({@code 500}, {@code 502}, {@code 503}, …), {@code 429}, {@code slow}
 *       (answer after {@code ms} milliseconds), {@code reset} (close the connection without any
 *       response) or {@code truncate} (announce the full Content-Length, send about half, close);
 *   <li>selector: {@code every=K} — the first attempt of every K-th distinct query, counted in
 *       order of first arrival ({@code attempts=N}: its first N attempts) — or {@code rate=F} — a
 *       deterministic pseudo-random fraction F of all requests;
 *   <li>params: {@code ms=} (slow, required), {@code retry-after=S} (5xx and 429: a Retry-After
 *       header in seconds), {@code attempts=N} (every), {@code path=landing|submit} (default
 *       submit: which endpoint the rule applies to).
 * </ul>
 *
 * <p>Example: {@code 503:every=5:retry-after=1,429:rate=0.05:retry-after=2,reset:every=7}. When
 * several rules match a request, the first one listed applies. Beware that HTTP clients (the
 * JDK's, Apache's) silently resend a GET once when a connection closes unanswered: a client only
 * sees a {@code reset} with {@code attempts=2} or more.
 */
public final class FaultSpec {

  /** No faults. */
  public static final FaultSpec NONE = new FaultSpec("", List.of());

  /** Where a rule applies. */
  public enum Scope { SUBMIT, LANDING }

  /**
   * One rule. {@code kind} is the status code as text, or slow, reset, truncate; {@code every} is 0
   * for a rate rule; {@code retryAfterSeconds} is -1 when no header is sent.
   */
  public record Rule(String kind, int every, int attempts, double rate, long delayMillis,
      long retryAfterSeconds, Scope scope) {

    /** The HTTP status this rule answers with, 0 for reset, 200 for slow and truncate. */
    public int status() {
      return switch (kind) {
        case "reset" -> 0;
        case "slow", "truncate" -> 200;
        default -> Integer.parseInt(kind);
      };
    }

    public boolean isStatus() {
      return Character.isDigit(kind.charAt(0));
    }
  }

  private static final Set<String> PARAMS = Set.of("every", "rate", "attempts", "ms", "retry-after", "path");

  private final String text;
  private final List<Rule> rules;

  private FaultSpec(String text, List<Rule> rules) {
    this.text = text;
    this.rules = List.copyOf(rules);
  }

  /**
   * Parses a spec; null or blank means no faults.
   *
   * @throws IllegalArgumentException with one sentence naming the faulty rule and why
   */
  public static FaultSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    List<Rule> rules = new ArrayList<>();
    for (String rule : spec.split(",", -1)) {
      rules.add(parseRule(rule.strip()));
    }
    return new FaultSpec(spec.strip(), rules);
  }

  public List<Rule> rules() {
    return rules;
  }

  @Override
  public String toString() {
    return text;
  }

  private static Rule parseRule(String rule) {
    if (rule.isEmpty()) {
      throw bad(rule, "it is empty (check for a stray comma)");
    }
    String[] parts = rule.split(":", -1);
    String kind = parts[0].strip();
    checkKind(rule, kind);
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].strip();
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw bad(rule, "\"" + part + "\" is not of the form name=value");
      }
      String name = part.substring(0, eq).strip();
      if (!PARAMS.contains(name)) {
        throw bad(rule, "\"" + name + "\" is not one of every, rate, attempts, ms, retry-after, path");
      }
      if (params.put(name, part.substring(eq + 1).strip()) != null) {
        throw bad(rule, "\"" + name + "\" is given twice");
      }
    }
    if (params.containsKey("every") == params.containsKey("rate")) {
      throw bad(rule, "it needs exactly one selector, every=K or rate=F");
    }
    int every = params.containsKey("every") ? wholeNumber(rule, "every", params.get("every"), 1) : 0;
    if (params.containsKey("attempts") && every == 0) {
      throw bad(rule, "attempts=N only goes with every=K");
    }
    int attempts = params.containsKey("attempts") ? wholeNumber(rule, "attempts", params.get("attempts"), 1) : 1;
    double rate = params.containsKey("rate") ? fraction(rule, params.get("rate")) : 0;
    boolean slow = kind.equals("slow");
    if (slow != params.containsKey("ms")) {
      throw bad(rule, slow ? "slow needs ms=M, the delay in milliseconds" : "ms=M only goes with slow");
    }
    long ms = slow ? wholeNumber(rule, "ms", params.get("ms"), 0) : 0;
    boolean status = Character.isDigit(kind.charAt(0));
    if (params.containsKey("retry-after") && !status) {
      throw bad(rule, "retry-after=S only goes with a 5xx or 429 status");
    }
    long retryAfter = params.containsKey("retry-after") ? wholeNumber(rule, "retry-after", params.get("retry-after"), 0) : -1;
    return new Rule(kind, every, attempts, rate, ms, retryAfter, scope(rule, params.getOrDefault("path", "submit")));
  }

  private static void checkKind(String rule, String kind) {
    if (kind.equals("slow") || kind.equals("reset") || kind.equals("truncate")) {
      return;
    }
    boolean ok = kind.matches("\\d{3}") && (kind.equals("429") || kind.charAt(0) == '5');
    if (!ok) {
      throw bad(rule, "the kind \"" + kind + "\" is not a 5xx status, 429, slow, reset or truncate");
    }
  }

  private static Scope scope(String rule, String path) {
    return switch (path) {
      case "submit" -> Scope.SUBMIT;
      case "landing" -> Scope.LANDING;
      default -> throw bad(rule, "path must be landing or submit, not \"" + path + "\"");
    };
  }

  private static int wholeNumber(String rule, String name, String value, int min) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(rule, name + " must be a whole number of at least " + min + ", not \"" + value + "\"");
  }

  private static double fraction(String rule, String value) {
    try {
      double f = Double.parseDouble(value);
      if (f >= 0 && f <= 1) {
        return f;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(rule, "rate must be a fraction between 0 and 1, not \"" + value + "\"");
  }

  private static IllegalArgumentException bad(String rule, String why) {
    return new IllegalArgumentException("Fault rule \"" + rule + "\" is invalid: " + why + ".");
  }
}
