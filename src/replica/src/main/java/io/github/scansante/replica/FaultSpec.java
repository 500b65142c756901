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
 *   <li>kind, a transport fault: a 5xx status ({@code 500}, {@code 502}, {@code 503}, …), {@code
 *       429}, {@code slow} (answer after {@code ms} milliseconds), {@code reset} (close the
 *       connection without any response), {@code truncate} (announce the full Content-Length,
 *       send about half, close), {@code truncate-table} (status 200, a Content-Length that matches
 *       the body, but the body ends in the middle of the data table, mid-row: what a server that
 *       stops writing and closes its page cleanly sends) or {@code trickle} (the right answer, one
 *       byte every {@code ms} milliseconds);
 *   <li>kind, a hostile page, always status 200 and never retried by a client:
 *       <ul>
 *         <li>{@code garbage}: {@code text/html; charset=utf-8} over random bytes, fixed by the
 *             seed and the query;
 *         <li>{@code empty}: no body at all ({@code Content-Length: 0});
 *         <li>{@code not-html}: an {@code application/json} body;
 *         <li>{@code huge}: a valid-looking results page larger than {@code bytes}, streamed in
 *             chunks as it is generated, never held in memory;
 *         <li>{@code nested}: a results page with its criteria echo, then 100,000 nested {@code
 *             <div>} where the data table should be, and no table;
 *         <li>{@code extra-column} / {@code missing-column}: the right page, except that its
 *             middle data row has one cell more / one cell fewer than the header;
 *         <li>{@code wrong-charset}: the right page transcoded to ISO-8859-1 while the header
 *             (and the page's meta) still say UTF-8 — what a SAS server running in a Latin-1
 *             session behind a UTF-8 web front does, and the dangerous variant: a client that
 *             trusts the header reads mojibake, whereas a header saying iso-8859-1 would be caught
 *             by any content-type check;
 *         <li>{@code two-tables}: the right page with a second data table after the first (the
 *             same table again): a reader that takes the first table would not notice;
 *         <li>{@code ignore-grouping}: the site ignores the grouping — blank grouping echo line
 *             and the unfiltered table — exactly its answer to an unrecognised grouping, from
 *             which the previous tool wrote 140 mislabelled files.
 *       </ul>
 *   <li>selector: {@code every=K} — the first attempt of every K-th distinct query, counted in
 *       order of first arrival ({@code attempts=N}: its first N attempts) — or {@code first=N} —
 *       the first N distinct queries ({@code attempts} as for every), a site that recovers — or
 *       {@code rate=F} — a deterministic pseudo-random fraction F of all requests;
 *   <li>params: {@code ms=} (slow, required), {@code bytes=} (huge, required), {@code
 *       retry-after=S} (5xx and 429: a Retry-After header in seconds), {@code attempts=N} (every,
 *       first), {@code path=landing|submit} (default submit: which endpoint the rule applies to;
 *       {@code nested}, {@code extra-column}, {@code missing-column}, {@code ignore-grouping} and
 *       {@code two-tables} reshape results pages, so they take submit only).
 * </ul>
 *
 * <p>Example: {@code 503:every=5:retry-after=1,429:rate=0.05:retry-after=2,reset:every=7}. When
 * several rules match a request, the first one listed applies. {@code ignore-grouping} only matches
 * queries that ask for a grouping ({@code typrgp=rgpGHM}): an all-stays query is answered as if the
 * rule were not there. {@code extra-column} and {@code missing-column} leave a refusal as it is: it
 * has no row to change. Beware that HTTP clients (the JDK's, Apache's) silently resend a GET once
 * when a connection closes unanswered: a client only sees a {@code reset} with {@code attempts=2}
 * or more.
 */
public final class FaultSpec {

  /** No faults. */
  public static final FaultSpec NONE = new FaultSpec("", List.of());

  public static final String GARBAGE = "garbage";
  public static final String EMPTY = "empty";
  public static final String NOT_HTML = "not-html";
  public static final String HUGE = "huge";
  public static final String NESTED = "nested";
  public static final String EXTRA_COLUMN = "extra-column";
  public static final String MISSING_COLUMN = "missing-column";
  public static final String WRONG_CHARSET = "wrong-charset";
  public static final String IGNORE_GROUPING = "ignore-grouping";
  public static final String TWO_TABLES = "two-tables";

  /** Kinds that answer 200 with a page no client should trust, in the order the Javadoc lists them. */
  public static final List<String> HOSTILE_PAGES = List.of(GARBAGE, EMPTY, NOT_HTML, HUGE, NESTED, EXTRA_COLUMN,
      MISSING_COLUMN, WRONG_CHARSET, IGNORE_GROUPING, TWO_TABLES);

  /** Hostile pages made by reshaping a results page: the landing page has nothing to reshape. */
  private static final Set<String> RESULTS_ONLY = Set.of(NESTED, EXTRA_COLUMN, MISSING_COLUMN, IGNORE_GROUPING, TWO_TABLES);

  /** Where a rule applies. */
  public enum Scope { SUBMIT, LANDING }

  /**
   * One rule. {@code kind} is the status code as text, or one of the named kinds; {@code every} is
   * 0 unless the selector is every=K, {@code first} 0 unless it is first=N; {@code
   * retryAfterSeconds} is -1 when no header is sent; {@code bytes} is the size a huge page exceeds.
   */
  public record Rule(String kind, int every, int attempts, double rate, long delayMillis,
      long retryAfterSeconds, Scope scope, int first, long bytes) {

    /** A rule with an every=K or rate=F selector and no size. */
    public Rule(String kind, int every, int attempts, double rate, long delayMillis, long retryAfterSeconds,
        Scope scope) {
      this(kind, every, attempts, rate, delayMillis, retryAfterSeconds, scope, 0, 0);
    }

    /** The HTTP status this rule answers with: 0 for reset, 200 for slow, trickle, truncations and hostile pages. */
    public int status() {
      if (isStatus()) {
        return Integer.parseInt(kind);
      }
      return kind.equals("reset") ? 0 : 200;
    }

    public boolean isStatus() {
      return Character.isDigit(kind.charAt(0));
    }
  }

  private static final Set<String> PARAMS = Set.of("every", "first", "rate", "attempts", "ms", "bytes", "retry-after",
      "path");
  public static final String TRUNCATE_TABLE = "truncate-table";
  public static final String TRICKLE = "trickle";
  private static final Set<String> TRANSPORT_KINDS = Set.of("slow", "reset", "truncate", TRUNCATE_TABLE, TRICKLE);

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
        throw bad(rule, "\"" + name + "\" is not one of every, first, rate, attempts, ms, bytes, retry-after, path");
      }
      if (params.put(name, part.substring(eq + 1).strip()) != null) {
        throw bad(rule, "\"" + name + "\" is given twice");
      }
    }
    long selectors = params.keySet().stream().filter(Set.of("every", "first", "rate")::contains).count();
    if (selectors != 1) {
      throw bad(rule, "it needs exactly one selector, every=K, first=N or rate=F");
    }
    int every = params.containsKey("every") ? (int) wholeNumber(rule, "every", params.get("every"), 1, Integer.MAX_VALUE) : 0;
    int first = params.containsKey("first") ? (int) wholeNumber(rule, "first", params.get("first"), 1, Integer.MAX_VALUE) : 0;
    if (params.containsKey("attempts") && every == 0 && first == 0) {
      throw bad(rule, "attempts=N only goes with every=K or first=N");
    }
    int attempts = params.containsKey("attempts")
        ? (int) wholeNumber(rule, "attempts", params.get("attempts"), 1, Integer.MAX_VALUE) : 1;
    double rate = params.containsKey("rate") ? fraction(rule, params.get("rate")) : 0;
    long ms = required(rule, kind, List.of("slow", TRICKLE), params, "ms", "M",
        kind.equals(TRICKLE) ? ", the milliseconds between two bytes" : ", the delay in milliseconds", 0);
    long bytes = required(rule, kind, List.of(HUGE), params, "bytes", "B", ", the size in bytes the page exceeds", 1);
    boolean status = Character.isDigit(kind.charAt(0));
    if (params.containsKey("retry-after") && !status) {
      throw bad(rule, "retry-after=S only goes with a 5xx or 429 status");
    }
    long retryAfter = params.containsKey("retry-after")
        ? wholeNumber(rule, "retry-after", params.get("retry-after"), 0, Long.MAX_VALUE) : -1;
    Scope scope = scope(rule, params.getOrDefault("path", "submit"));
    if (scope == Scope.LANDING && RESULTS_ONLY.contains(kind)) {
      throw bad(rule, kind + " reshapes a results page, so it only goes with path=submit");
    }
    return new Rule(kind, every, attempts, rate, ms, retryAfter, scope, first, bytes);
  }

  /** The value of a parameter that some kinds need and no other kind takes; 0 when absent. */
  private static long required(String rule, String kind, List<String> owners, Map<String, String> params, String name,
      String placeholder, String meaning, long min) {
    boolean owns = owners.contains(kind);
    String form = name + "=" + placeholder;
    if (owns != params.containsKey(name)) {
      throw bad(rule, owns ? kind + " needs " + form + meaning : form + " only goes with " + String.join(" or ", owners));
    }
    return owns ? wholeNumber(rule, name, params.get(name), min, Long.MAX_VALUE) : 0;
  }

  private static void checkKind(String rule, String kind) {
    if (TRANSPORT_KINDS.contains(kind) || HOSTILE_PAGES.contains(kind)) {
      return;
    }
    boolean ok = kind.matches("\\d{3}") && (kind.equals("429") || kind.charAt(0) == '5');
    if (!ok) {
      throw bad(rule, "the kind \"" + kind + "\" is not a 5xx status, 429, slow, reset, truncate, truncate-table or trickle, nor a hostile page ("
          + String.join(", ", HOSTILE_PAGES) + ")");
    }
  }

  private static Scope scope(String rule, String path) {
    return switch (path) {
      case "submit" -> Scope.SUBMIT;
      case "landing" -> Scope.LANDING;
      default -> throw bad(rule, "path must be landing or submit, not \"" + path + "\"");
    };
  }

  private static long wholeNumber(String rule, String name, String value, long min, long max) {
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) {
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
