package io.github.scansante.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a parsed page answers the request that produced it. The site answers an
 * unrecognised grouping with the unfiltered table, so the table alone proves nothing: only the
 * criteria echo, line by line, says what the server understood.
 *
 * <p>The echo lines are found by their prefixes, which come from configuration because the site can
 * reword them.
 */
public final class PageClassifier {

  /** The year line of the newest year says this; frozen years do not (site contract). */
  private static final String WEEKLY_UPDATE = "mise à jour hebdomadaire";

  private final String yearPrefix;
  private final String zonePrefix;
  private final String basePrefix;
  private final String groupingPrefix;

  /**
   * @param yearPrefix e.g. "Année"
   * @param zonePrefix e.g. "Zone géographique"
   * @param basePrefix e.g. "Catégorie d'établissement"
   * @param groupingPrefix e.g. "Choix de regroupement"
   */
  public PageClassifier(String yearPrefix, String zonePrefix, String basePrefix, String groupingPrefix) {
    this.yearPrefix = Objects.requireNonNull(yearPrefix, "yearPrefix");
    this.zonePrefix = Objects.requireNonNull(zonePrefix, "zonePrefix");
    this.basePrefix = Objects.requireNonNull(basePrefix, "basePrefix");
    this.groupingPrefix = Objects.requireNonNull(groupingPrefix, "groupingPrefix");
  }

  /**
   * {@link Outcome#REFUSED} without a data table but with the site's notice, {@link
   * Outcome#MALFORMED} without either (the site's refusal always says so: a silent page is a broken
   * one) or when the table lacks its closing Total row (a cut-short body), {@link Outcome#EMPTY}
   * when it holds only the Total, {@link Outcome#GROUPING_NOT_APPLIED} when the grouping line is
   * blank (the site ignored the grouping), {@link Outcome#ECHO_MISMATCH} when the echo names
   * something else than asked or lacks a line, else {@link Outcome#DATA}.
   */
  public Verdict classify(ResultPage page, ExpectedEcho expected) {
    if (!page.hasDataTable()) {
      return page.notice().isBlank()
          ? new Verdict(Outcome.MALFORMED, "no data table and no notice: neither a table nor the site's refusal")
          : new Verdict(Outcome.REFUSED, page.notice());
    }
    if (!page.hasTotal()) {
      return new Verdict(Outcome.MALFORMED, "no Total row: the table may have been cut short");
    }
    if (page.isEmptyTable()) {
      return new Verdict(Outcome.EMPTY, "only the Total row");
    }
    return echoMismatch(page.criteria(), expected)
        .orElseGet(() -> new Verdict(Outcome.DATA, page.establishments().size() + " establishments"));
  }

  /** Whether the echoed year is frozen: its line exists and does not announce weekly updates. */
  public boolean frozenYear(ResultPage page) {
    return EchoText.line(page.criteria(), yearPrefix)
        .map(line -> !EchoText.normalize(line).contains(EchoText.normalize(WEEKLY_UPDATE)))
        .orElse(false);
  }

  /** The site's last update as ISO date ("2025-07-22"), read from the year line; "" when absent. */
  public String siteUpdateDate(ResultPage page) {
    return EchoText.line(page.criteria(), yearPrefix)
        .flatMap(FrenchDate::find)
        .map(Object::toString)
        .orElse("");
  }

  /** The first way the echo fails to restate the request, in the order the site prints it. */
  private Optional<Verdict> echoMismatch(List<String> criteria, ExpectedEcho expected) {
    return yearMismatch(criteria, expected.year()).map(PageClassifier::mismatch)
        .or(() -> labelMismatch(criteria, zonePrefix, "zone", expected.zoneLabel()).map(PageClassifier::mismatch))
        .or(() -> labelMismatch(criteria, basePrefix, "base", expected.baseLabel()).map(PageClassifier::mismatch))
        .or(() -> groupingMismatch(criteria, expected.groupingLabel()));
  }

  private static Verdict mismatch(String reason) {
    return new Verdict(Outcome.ECHO_MISMATCH, reason);
  }

  private Optional<String> yearMismatch(List<String> criteria, String year) {
    Optional<String> line = EchoText.line(criteria, yearPrefix);
    if (line.isEmpty()) {
      return Optional.of(missing(criteria, "year", yearPrefix, year));
    }
    String value = EchoText.value(line.get());
    String wanted = EchoText.normalize(year);
    // "2024 (mise à jour …)" restates 2024; "20245" or "2023" do not.
    boolean wholeToken =
        value.startsWith(wanted)
            && (value.length() == wanted.length()
                || !Character.isLetterOrDigit(value.charAt(wanted.length())));
    return wholeToken ? Optional.empty() : Optional.of(differs("year", line.get(), year));
  }

  private static Optional<String> labelMismatch(
      List<String> criteria, String prefix, String what, String label) {
    Optional<String> line = EchoText.line(criteria, prefix);
    if (line.isEmpty()) {
      return Optional.of(missing(criteria, what, prefix, label));
    }
    return EchoText.sameWords(EchoText.value(line.get()), label)
        ? Optional.empty()
        : Optional.of(differs(what, line.get(), label));
  }

  private Optional<Verdict> groupingMismatch(List<String> criteria, String label) {
    Optional<String> line = EchoText.line(criteria, groupingPrefix);
    boolean blank =
        line.isEmpty()
            ? criteria.stream().anyMatch(String::isBlank)
            : EchoText.value(line.get()).isEmpty();
    if (blank) {
      return Optional.of(new Verdict(Outcome.GROUPING_NOT_APPLIED,
          "grouping line is blank: the server ignored the grouping (expected '" + label + "')"));
    }
    if (line.isEmpty()) {
      return Optional.of(mismatch(missing(criteria, "grouping", groupingPrefix, label)));
    }
    return restatesGrouping(EchoText.value(line.get()), label)
        ? Optional.empty()
        : Optional.of(mismatch(differs("grouping", line.get(), label)));
  }

  /**
   * The real site echoes the bare label; the replica echoes "Activité de soins : Médecine". Both
   * restate "Médecine"; "Catégorie d'activité de soins : X - Médecine" does not, because what
   * precedes the label there is "X - ", not a colon.
   */
  private static boolean restatesGrouping(String value, String label) {
    if (EchoText.sameWords(value, label)) {
      return true;
    }
    for (int colon = value.indexOf(':'); colon >= 0; colon = value.indexOf(':', colon + 1)) {
      if (EchoText.sameWords(value.substring(colon + 1), label)) {
        return true;
      }
    }
    return false;
  }

  /**
   * No line has the expected caption: quote the line that restates the label under another
   * caption, if one does (the site reworded its echo), else every line, so that the user sees
   * what the site said.
   */
  private static String missing(List<String> criteria, String what, String prefix, String expected) {
    String wanted = EchoText.words(expected);
    Optional<String> elsewhere = criteria.stream()
        .filter(line -> !wanted.isEmpty() && (" " + EchoText.words(line) + " ").contains(" " + wanted + " "))
        .findFirst();
    return elsewhere
        .map(line -> "no " + what + " line (prefix '" + prefix + "') in the criteria echo; the line '" + line
            + "' restates '" + expected + "' under another caption")
        .orElseGet(() -> "no " + what + " line (prefix '" + prefix + "') in the criteria echo "
            + criteria.stream().map(l -> "'" + l + "'").toList() + "; expected '" + expected + "'");
  }

  private static String differs(String what, String line, String expected) {
    return what + " line '" + line + "' does not restate '" + expected + "'";
  }
}
