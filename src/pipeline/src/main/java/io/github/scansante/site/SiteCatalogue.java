package io.github.scansante.site;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.EchoText;
import io.github.scansante.page.ExpectedEcho;
import io.github.scansante.plan.Combination;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue in force for a run: what the site's form offers when it could be read, the
 * built-in catalogue otherwise. It decides whether a combination may be sent and what the server
 * must echo back for it.
 */
public final class SiteCatalogue {

  private static final Logger LOG = LoggerFactory.getLogger(SiteCatalogue.class);

  private final Catalogue builtIn;
  private volatile Catalogue form;

  public SiteCatalogue(Catalogue builtIn) {
    this.builtIn = builtIn;
  }

  public Catalogue builtIn() {
    return builtIn;
  }

  public void useForm(Catalogue discovered) {
    this.form = discovered;
    LOG.info("Using the codes offered by the site's form ({})", discovered.source());
  }

  public void useBuiltIn(String why) {
    this.form = null;
    LOG.warn("Site form not read ({}): checking the plan against the built-in catalogue", why);
  }

  /** What the plan is checked against, for the log. */
  public String describe() {
    return form == null ? "the built-in catalogue" : "the site's form at " + form.source();
  }

  /** Why the form would not accept this combination, or empty when every code is offered. */
  public Optional<String> notOffered(Combination c) {
    Catalogue offered = form == null ? builtIn : form;
    List<String> problems = new ArrayList<>();
    check(offered, "annee", c.annee(), problems);
    check(offered, "tgeo", c.tgeo(), problems);
    String zoneField = offered.hasField(Catalogue.zoneField(c.tgeo())) ? Catalogue.zoneField(c.tgeo()) : FormDiscovery.ZONE_FIELD;
    if (offered.hasField(zoneField) && !offered.offers(zoneField, c.codegeo())) {
      problems.add("codegeo=" + c.codegeo() + " (tgeo=" + c.tgeo() + ")");
    }
    check(offered, "base", c.base(), problems);
    check(offered, "typrgp", c.typrgp(), problems);
    if (!c.isAllStays()) {
      check(offered, c.groupingField(), c.groupingCode(), problems);
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("not offered by the " + (form == null ? "built-in catalogue" : "site's form") + ": " + String.join(", ", problems));
  }

  private static void check(Catalogue offered, String field, String code, List<String> problems) {
    if (offered.hasField(field) && !offered.offers(field, code)) {
      problems.add(field + "=" + code);
    }
  }

  /**
   * What the criteria echo must restate for this combination. The form says which codes exist; the
   * echo words them as the site's answers do, which the built-in catalogue records: its label wins,
   * and the form's is only the fallback for a code the catalogue lacks.
   */
  public ExpectedEcho expectedEcho(Combination c) {
    String grouping = c.isAllStays() ? label("typrgp", Combination.ALL_STAYS) : label(c.groupingField(), c.groupingCode());
    return new ExpectedEcho(c.annee(), zoneLabel(c), label("base", c.base()), grouping);
  }

  public String zoneLabel(Combination c) {
    String field = Catalogue.zoneField(c.tgeo());
    return labelIn(builtIn, field, c.codegeo())
        .or(() -> labelIn(form, field, c.codegeo()))
        .or(() -> labelIn(form, FormDiscovery.ZONE_FIELD, c.codegeo()))
        .orElse(c.codegeo());
  }

  public String label(String field, String code) {
    return labelIn(builtIn, field, code).or(() -> labelIn(form, field, code)).orElse(code);
  }

  /** A label with words in it; a form label that could not be told apart is empty. */
  private static Optional<String> labelIn(Catalogue catalogue, String field, String code) {
    return catalogue == null ? Optional.empty() : catalogue.label(field, code).filter(l -> !EchoText.words(l).isEmpty());
  }
}
