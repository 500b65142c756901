package io.github.scansante.run;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.site.SiteRequests;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops asking what the site keeps ignoring or refusing in this run, so that a plan of thousands
 * of combinations does not spend days of polite requests on answers known in advance:
 * <ul>
 *   <li>a grouping field ({@code A50}, {@code CAS}, {@code DA}, {@code GP}) the site ignored (blank
 *       grouping line) in K answers in a row, none of that field verified yet;
 *   <li>a code the site refused K times in a row without answering it once (e.g. {@code base=ball}).
 * </ul>
 * A refusal is blamed on the codes of its combination the site has not yet answered: a code that
 * came back with a table once is never skipped. Nothing is skipped before the site's first table of
 * the run, since until then any code could be the one at fault.
 */
public final class FutileRequests {

  private static final Logger LOG = LoggerFactory.getLogger(FutileRequests.class);

  private final int limit;
  private final Map<String, Integer> ignoredInARow = new HashMap<>();
  private final Set<String> verifiedFields = new HashSet<>();
  private final Map<String, Integer> refusedInARow = new HashMap<>();
  private final Set<String> answeredCodes = new HashSet<>();
  private final Set<String> announced = new HashSet<>();

  /** @param limit K, answers in a row after which a field or code is given up (0 = never) */
  public FutileRequests(int limit) {
    this.limit = limit;
  }

  /** Run-pass step, before the first combination. */
  public synchronized void reset() {
    ignoredInARow.clear();
    verifiedFields.clear();
    refusedInARow.clear();
    answeredCodes.clear();
    announced.clear();
  }

  /** Step after the echo check: learns from the answer. */
  public synchronized void observe(Exchange exchange) {
    Combination c = exchange.getProperty(SiteRequests.COMBINATION, Combination.class);
    Verdict verdict = exchange.getProperty(Verdicts.VERDICT, Verdict.class);
    ResultPage page = exchange.getProperty(PageVerifier.PAGE, ResultPage.class);
    if (c == null || verdict == null) {
      return;
    }
    if (page != null && page.hasDataTable()) {
      answeredCodes.addAll(codes(c));
      codes(c).forEach(refusedInARow::remove);
      if (!c.isAllStays()) {
        String field = c.groupingField();
        if (verdict.outcome() == Outcome.GROUPING_NOT_APPLIED) {
          ignoredInARow.merge(field, 1, Integer::sum);
        } else {
          ignoredInARow.remove(field);
          if (verdict.outcome() == Outcome.DATA) {
            verifiedFields.add(field);
          }
        }
      }
    } else if (verdict.outcome() == Outcome.REFUSED) {
      for (String code : codes(c)) {
        if (!answeredCodes.contains(code)) {
          refusedInARow.merge(code, 1, Integer::sum);
        }
      }
    }
  }

  /** Filter predicate: the combination would only be asked for an answer known in advance. */
  public synchronized boolean isFutile(Combination c) {
    return reason(c).isPresent();
  }

  /** Marks the combination skipped, with the reason, for the dead-letter step. */
  public synchronized void skip(Exchange exchange) {
    Combination c = exchange.getProperty(SiteRequests.COMBINATION, Combination.class);
    String reason = reason(c).orElse("given up") + "; not requested";
    exchange.setProperty(Verdicts.VERDICT, new Verdict(Outcome.SKIPPED, reason));
    String what = reason.substring(0, reason.indexOf(':') < 0 ? reason.length() : reason.indexOf(':'));
    if (announced.add(what)) {
      LOG.warn("Giving up {} for the rest of the run", reason);
    }
  }

  private Optional<String> reason(Combination c) {
    if (limit <= 0 || c == null) {
      return Optional.empty();
    }
    if (!c.isAllStays()) {
      String field = c.groupingField();
      int ignored = ignoredInARow.getOrDefault(field, 0);
      if (ignored >= limit && !verifiedFields.contains(field)) {
        return Optional.of("grouping field " + field + ": the site ignored it (blank grouping line) in " + ignored
            + " answers in a row and verified none in this run");
      }
    }
    if (answeredCodes.isEmpty()) {
      return Optional.empty();
    }
    for (String code : codes(c)) {
      int refused = refusedInARow.getOrDefault(code, 0);
      if (refused >= limit && !answeredCodes.contains(code)) {
        return Optional.of(code + ": the site refused it " + refused + " times in a row and never answered it in this run");
      }
    }
    return Optional.empty();
  }

  /** The codes a combination sends, each with its field; a zone with its level, since codes overlap. */
  private static List<String> codes(Combination c) {
    List<String> codes = new ArrayList<>(List.of("annee=" + c.annee(), "tgeo=" + c.tgeo(),
        "codegeo=" + c.codegeo() + " (" + Catalogue.zoneField(c.tgeo()) + ")", "base=" + c.base()));
    codes.add(c.isAllStays() ? "typrgp=" + c.typrgp() : c.groupingField() + "=" + c.groupingCode());
    return codes;
  }
}
