package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing fault specs, and which arrivals meet which rule. */
class FaultSpecTest {

  @Test
  void parsesTheDocumentedExample() {
    FaultSpec spec = FaultSpec.parse(
        "503:every=5:retry-after=1,429:rate=0.05:retry-after=2,reset:every=7,truncate:every=11,slow:every=13:ms=3000");
    List<FaultSpec.Rule> rules = spec.rules();
    assertEquals(5, rules.size());
    assertEquals(new FaultSpec.Rule("503", 5, 1, 0, 0, 1, FaultSpec.Scope.SUBMIT), rules.get(0));
    assertEquals(new FaultSpec.Rule("429", 0, 1, 0.05, 0, 2, FaultSpec.Scope.SUBMIT), rules.get(1));
    assertEquals(0, rules.get(2).status());
    assertEquals(200, rules.get(3).status());
    assertEquals(3000, rules.get(4).delayMillis());
    assertEquals(-1, rules.get(4).retryAfterSeconds());
  }

  @Test
  void acceptsBurstsLandingFaultsAndBlankSpecs() {
    FaultSpec.Rule burst = FaultSpec.parse(" 502 : every=3 : attempts=4 : path=landing ").rules().get(0);
    assertEquals(new FaultSpec.Rule("502", 3, 4, 0, 0, -1, FaultSpec.Scope.LANDING), burst);
    assertTrue(FaultSpec.parse("").rules().isEmpty());
    assertTrue(FaultSpec.parse(null).rules().isEmpty());
    assertEquals(599, FaultSpec.parse("599:rate=1").rules().get(0).status());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "404:every=2|the kind \"404\" is not a 5xx status, 429, slow, reset, truncate, truncate-table or trickle",
      "boom:every=2|the kind \"boom\"",
      "503|needs exactly one selector",
      "503:every=2:rate=0.1|needs exactly one selector",
      "503:every=0|every must be a whole number of at least 1, not \"0\"",
      "503:every=x|every must be a whole number",
      "503:rate=1.5|rate must be a fraction between 0 and 1",
      "503:rate=0.1:attempts=2|attempts=N only goes with every=K",
      "slow:every=2|slow needs ms=M",
      "trickle:every=2|trickle needs ms=M, the milliseconds between two bytes",
      "two-tables:every=2:path=landing|two-tables reshapes a results page",
      "503:every=2:ms=10|ms=M only goes with slow or trickle",
      "reset:every=2:retry-after=3|retry-after=S only goes with a 5xx or 429 status",
      "503:every=2:retry-after=-1|retry-after must be a whole number of at least 0",
      "503:every=2:path=home|path must be landing or submit",
      "503:every=2:every=3|\"every\" is given twice",
      "503:every=2:colour=red|\"colour\" is not one of",
      "503:every|\"every\" is not of the form name=value",
      "503:every=2,|it is empty",
      "503:first=0|first must be a whole number of at least 1",
      "503:first=2:every=2|needs exactly one selector, every=K, first=N or rate=F",
      "huge:every=2|huge needs bytes=B",
      "huge:every=2:bytes=0|bytes must be a whole number of at least 1",
      "garbage:every=2:bytes=10|bytes=B only goes with huge",
      "empty:every=2:retry-after=1|retry-after=S only goes with a 5xx or 429 status",
      "nested:every=2:path=landing|nested reshapes a results page, so it only goes with path=submit",
      "ignore-grouping:rate=1:path=landing|ignore-grouping reshapes a results page",
      "html:every=2|nor a hostile page (garbage, empty, not-html, huge, nested, extra-column, missing-column, wrong-charset, ignore-grouping, two-tables)"})
  void rejectsBadSpecsWithOneClearSentence(String spec, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(spec));
    assertTrue(e.getMessage().startsWith("Fault rule \""), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().endsWith("."), e.getMessage());
    assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
  }

  @Test
  void parsesEveryHostilePageKindAsA200() {
    FaultSpec spec = FaultSpec.parse("garbage:every=2,empty:every=3,not-html:rate=0.1,huge:every=5:bytes=20000000000,"
        + "nested:every=7,extra-column:every=11,missing-column:every=13,wrong-charset:every=17:path=landing,"
        + "ignore-grouping:first=2:attempts=3,two-tables:every=19");
    assertEquals(FaultSpec.HOSTILE_PAGES, spec.rules().stream().map(FaultSpec.Rule::kind).toList());
    assertTrue(spec.rules().stream().allMatch(r -> r.status() == 200 && !r.isStatus()));
    assertEquals(20_000_000_000L, spec.rules().get(3).bytes(), "sizes beyond 2 GB");
    assertEquals(FaultSpec.Scope.LANDING, spec.rules().get(7).scope(), "byte-level kinds may hit the landing page");
    assertEquals(new FaultSpec.Rule("ignore-grouping", 0, 3, 0, 0, -1, FaultSpec.Scope.SUBMIT, 2, 0), spec.rules().get(8));
  }

  @Test
  void firstNFailsTheFirstDistinctQueriesThenTheSiteRecovers() {
    FaultInjector injector = new FaultInjector(FaultSpec.parse("503:first=2:attempts=2"), 1);
    List<String> met = new ArrayList<>();
    for (String q : List.of("a", "a", "a", "b", "c", "b", "b", "c", "a")) {
      met.add(q + injector.arrive(FaultSpec.Scope.SUBMIT, q).map(FaultSpec.Rule::kind).orElse(""));
    }
    assertEquals(List.of("a503", "a503", "a", "b503", "c", "b503", "b", "c", "a"), met);
  }

  @Test
  void ignoreGroupingOnlyMeetsQueriesThatAskForAGrouping() {
    FaultInjector injector = new FaultInjector(FaultSpec.parse("ignore-grouping:every=1,503:every=1"), 1);
    String grouped = "annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&A50=M";
    String allStays = "annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=tous&A50=";
    assertEquals(Optional.of("ignore-grouping"), injector.arrive(FaultSpec.Scope.SUBMIT, grouped).map(FaultSpec.Rule::kind));
    assertEquals(Optional.of("503"), injector.arrive(FaultSpec.Scope.SUBMIT, allStays).map(FaultSpec.Rule::kind),
        "an all-stays query has no grouping to ignore: the next rule applies");
  }

  @Test
  void everyKthDistinctQueryFailsOnItsFirstAttemptsOnly() {
    FaultInjector injector = new FaultInjector(FaultSpec.parse("503:every=3:attempts=2"), 1);
    List<String> met = new ArrayList<>();
    for (String q : List.of("a", "b", "c", "c", "c", "a", "d", "e", "f", "f", "f")) {
      met.add(q + injector.arrive(FaultSpec.Scope.SUBMIT, q).map(FaultSpec.Rule::kind).orElse(""));
    }
    // c and f are the 3rd and 6th distinct queries; repeats do not advance the count.
    assertEquals(List.of("a", "b", "c503", "c503", "c", "a", "d", "e", "f503", "f503", "f"), met);
  }

  @Test
  void rulesApplyToTheirEndpointOnlyAndTheFirstMatchWins() {
    FaultInjector injector = new FaultInjector(FaultSpec.parse("500:every=1:path=landing,503:every=1,429:every=1"), 1);
    assertEquals(Optional.of("500"), injector.arrive(FaultSpec.Scope.LANDING, "").map(FaultSpec.Rule::kind));
    assertEquals(Optional.of("503"), injector.arrive(FaultSpec.Scope.SUBMIT, "x").map(FaultSpec.Rule::kind));
    assertEquals(Optional.empty(), injector.arrive(FaultSpec.Scope.LANDING, "").map(FaultSpec.Rule::kind));
  }

  @Test
  void rateIsADeterministicFractionOfRequests() {
    List<Boolean> first = draws(42);
    assertEquals(first, draws(42), "same seed, same faults");
    long failed = first.stream().filter(b -> b).count();
    assertTrue(failed > 150 && failed < 250, "about 20 % of 1000: " + failed);
    assertTrue(!first.equals(draws(43)), "another seed, other faults");
  }

  private static List<Boolean> draws(long seed) {
    FaultInjector injector = new FaultInjector(FaultSpec.parse("503:rate=0.2"), seed);
    List<Boolean> failed = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      failed.add(injector.arrive(FaultSpec.Scope.SUBMIT, "annee=2024&q=" + i).isPresent());
    }
    return failed;
  }

  @Test
  void aRetriedQueryDrawsAgain() {
    FaultInjector injector = new FaultInjector(FaultSpec.parse("503:rate=0.5"), 3);
    int recovered = 0;
    for (int i = 0; i < 200; i++) {
      String q = "q=" + i;
      if (injector.arrive(FaultSpec.Scope.SUBMIT, q).isPresent()) {
        recovered += injector.arrive(FaultSpec.Scope.SUBMIT, q).isEmpty() ? 1 : 0;
      }
    }
    assertTrue(recovered > 20, "the attempt number is part of the draw: " + recovered);
  }
}
