package io.github.scansante.run;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.flow.CombinationWork;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
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

  /** What one run has learnt of the fields and codes the site ignores or refuses; kept by the {@link Run}. */
  static final class Memory {
    private final Map<String, Integer> ignoredInARow = new HashMap<>();
    private final Set<String> verifiedFields = new HashSet<>();
    private final Map<String, Integer> refusedInARow = new HashMap<>();
    private final Set<String> answeredCodes = new HashSet<>();
    private final Set<String> announced = new HashSet<>();
  }

  private final int limit;

  /** @param limit K, answers in a row after which a field or code is given up (0 = never) */
  public FutileRequests(int limit) {
    this.limit = limit;
  }

  /** Step after the echo check: learns from the answer. */
  public void observe(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    Combination c = work.combination();
    Verdict verdict = work.verdict();
    ResultPage page = work.page();
    if (verdict == null) {
      return;
    }
    Memory m = Run.of(exchange).futileRequests();
    synchronized (m) {
      if (page != null && page.hasDataTable()) {
        m.answeredCodes.addAll(codes(c));
        codes(c).forEach(m.refusedInARow::remove);
        if (!c.isAllStays()) {
          String field = c.groupingField();
          if (verdict.outcome() == Outcome.GROUPING_NOT_APPLIED) {
            m.ignoredInARow.merge(field, 1, Integer::sum);
          } else {
            m.ignoredInARow.remove(field);
            if (work.isVerified()) {
              m.verifiedFields.add(field);
            }
          }
        }
      } else if (verdict.outcome() == Outcome.REFUSED) {
        for (String code : codes(c)) {
          if (!m.answeredCodes.contains(code)) {
            m.refusedInARow.merge(code, 1, Integer::sum);
          }
        }
      }
    }
  }

  /** Filter predicate: the combination would only be asked for an answer known in advance. */
  public boolean isFutile(Exchange exchange) {
    Memory m = Run.of(exchange).futileRequests();
    synchronized (m) {
      return reason(m, CombinationWork.of(exchange).combination()).isPresent();
    }
  }

  /** Marks the combination skipped, with the reason, for the dead-letter step. */
  public void skip(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    Memory m = Run.of(exchange).futileRequests();
    synchronized (m) {
      String reason = reason(m, work.combination()).orElse("given up") + "; not requested";
      work.failed(new Verdict(Outcome.SKIPPED, reason));
      String what = reason.substring(0, reason.indexOf(':') < 0 ? reason.length() : reason.indexOf(':'));
      if (m.announced.add(what)) {
        LOG.warn("Giving up {} for the rest of the run", reason);
      }
    }
  }

  private Optional<String> reason(Memory m, Combination c) {
    if (limit <= 0) {
      return Optional.empty();
    }
    if (!c.isAllStays()) {
      String field = c.groupingField();
      int ignored = m.ignoredInARow.getOrDefault(field, 0);
      if (ignored >= limit && !m.verifiedFields.contains(field)) {
        return Optional.of("grouping field " + field + ": the site ignored it (blank grouping line) in " + ignored
            + " answers in a row and verified none in this run");
      }
    }
    if (m.answeredCodes.isEmpty()) {
      return Optional.empty();
    }
    for (String code : codes(c)) {
      int refused = m.refusedInARow.getOrDefault(code, 0);
      if (refused >= limit && !m.answeredCodes.contains(code)) {
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
