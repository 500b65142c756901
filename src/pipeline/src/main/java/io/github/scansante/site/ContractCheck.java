package io.github.scansante.site;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.EchoText;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The preflight: whether the site still honours the contract the pipeline relies on, point by
 * point, from its landing page and its answer to one known combination. The requests are the
 * caller's; this class only judges what came back.
 */
public final class ContractCheck {

  /** One point of the contract: its name, whether it holds, and what was seen. */
  public record Point(String name, boolean holds, String detail) {}

  public static final String FORM_FIELDS = "form fields present";
  public static final String FORM_CODES = "form codes match the catalogue";
  public static final String ECHO = "echo lines and words as expected";
  public static final String COLUMNS = "table columns as expected";
  public static final String TOTAL = "Total row";

  private final Catalogue builtIn;
  private final List<String> formFields;
  private final PageClassifier classifier;
  private final List<String> expectedColumns;
  private Catalogue form;
  private final SiteCatalogue site;

  public ContractCheck(Catalogue builtIn, List<String> formFields, PageClassifier classifier, List<String> expectedColumns) {
    this.builtIn = builtIn;
    this.formFields = List.copyOf(formFields);
    this.classifier = classifier;
    this.expectedColumns = List.copyOf(expectedColumns);
    this.site = new SiteCatalogue(builtIn);
  }

  /** Reads the landing page: are the form's fields there, and do its codes match the catalogue? */
  public List<Point> checkForm(String landingHtml, String url) {
    Element formElement = Jsoup.parse(landingHtml, url).selectFirst("form:has(select[name=annee])");
    if (formElement == null) {
      return List.of(new Point(FORM_FIELDS, false, "no filter form with a year selector on " + url));
    }
    List<String> missing = formFields.stream()
        .filter(f -> formElement.select("input[name], select[name], textarea[name]").stream().noneMatch(e -> e.attr("name").equals(f)))
        .toList();
    Point fields = missing.isEmpty()
        ? new Point(FORM_FIELDS, true, String.join(", ", formFields))
        : new Point(FORM_FIELDS, false, "missing: " + String.join(", ", missing));
    form = new FormDiscovery().read(landingHtml, url);
    site.useForm(form);
    return List.of(fields, codes(probe(Optional.of(form))));
  }

  private Point codes(Combination probe) {
    FormComparison comparison = new FormComparison(builtIn, form);
    Optional<String> refused = site.notOffered(probe);
    List<String> notes = new ArrayList<>();
    List<FormComparison.Entry> oneSided = comparison.oneSided();
    if (!oneSided.isEmpty()) {
      notes.add(count(oneSided.size(), "code") + " on one side only, e.g. " + oneSided.stream().limit(5)
          .map(e -> e.field() + "=" + e.code() + " (" + e.where() + ")").toList());
    }
    if (!comparison.differingLabels().isEmpty()) {
      notes.add(count(comparison.differingLabels().size(), "label") + " worded differently (harmless: the echo is checked in the catalogue's words)");
    }
    if (!comparison.unreadableLabels().isEmpty()) {
      notes.add(count(comparison.unreadableLabels().size(), "label") + " that cannot be told apart");
    }
    if (refused.isPresent()) {
      return new Point(FORM_CODES, false, "the known combination " + probe + " is " + refused.get());
    }
    return new Point(FORM_CODES, true, notes.isEmpty() ? "same codes" : String.join("; ", notes));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** France entière, the latest year the form (or else the catalogue) offers, bpub, all stays. */
  public Combination probe(Optional<Catalogue> formRead) {
    Catalogue years = formRead.filter(f -> !f.codes("annee").isEmpty()).orElse(builtIn);
    String latest = years.codes("annee").stream().max(Comparator.naturalOrder()).orElseThrow();
    String france = builtIn.codes(Catalogue.zoneField("fe")).get(0);
    return Combination.allStays(latest, "fe", france, builtIn.codes("base").get(0));
  }

  /** The catalogue the run would use: the form's if it was read. */
  public Optional<Catalogue> form() {
    return Optional.ofNullable(form);
  }

  /** Judges the answer to the probe: its echo, its columns, its Total row. */
  public List<Point> checkAnswer(ResultPage page, Combination probe) {
    Verdict verdict = classifier.classify(page, site.expectedEcho(probe));
    Point echo = verdict.outcome() == Outcome.DATA
        ? new Point(ECHO, true, String.join(" | ", page.criteria().stream().filter(l -> !l.isBlank()).toList()))
        : new Point(ECHO, false, verdict.outcome().label() + ": " + verdict.reason());
    if (!page.hasDataTable()) {
      return List.of(echo, new Point(COLUMNS, false, "no data table"), new Point(TOTAL, false, "no data table"));
    }
    List<String> columns = page.columns();
    boolean same = columns.size() == expectedColumns.size()
        && IntStream.range(0, columns.size()).allMatch(i -> EchoText.sameWords(columns.get(i), expectedColumns.get(i)));
    Point columnsPoint = same ? new Point(COLUMNS, true, columns.size() + " columns")
        : new Point(COLUMNS, false, "got " + columns + ", expected " + expectedColumns);
    Point total = page.hasTotal() ? new Point(TOTAL, true, page.establishments().size() + " establishment rows above it")
        : new Point(TOTAL, false, "the table has no Total row");
    return List.of(echo, columnsPoint, total);
  }
}
