package io.github.scansante.site;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.catalogue.Catalogue.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the codes the site's filter form offers, with their labels, from whatever markup the form
 * uses: every {@code select}'s options and every radio button or checkbox. Zone codes overlap
 * between regions and departments, so {@code codegeo} options are filed under their level when
 * their {@code optgroup} says which ({@code data-tgeo}); otherwise under {@code codegeo}, for every
 * level. Free-text inputs constrain nothing and are not listed.
 *
 * <p>A radio's label is, in this order: the {@code <label for>} naming it, the {@code <label>}
 * wrapping it alone, or the text right after it up to the next control, line break or block. A
 * caption ({@code legend}) or the text of a whole container is never a label: a label that cannot
 * be told apart is left empty.
 */
public final class FormDiscovery {

  static final String ZONE_FIELD = "codegeo";
  private static final String CONTROLS = "input, select, textarea, button";
  /** Elements whose start or end breaks a line: a radio's text stops there. */
  private static final Set<String> BREAKS = Set.of("br", "p", "div", "li", "ul", "ol", "table", "tr", "td", "th",
      "fieldset", "legend", "form", "label", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section", "dl", "dt", "dd");

  public Catalogue read(String html, String source) {
    Document doc = Jsoup.parse(html, source);
    Element form = doc.selectFirst("form:has(select[name=annee])");
    if (form == null) {
      throw new IllegalStateException("no filter form with a year selector on " + source);
    }
    Map<String, Map<String, Option>> fields = new LinkedHashMap<>();
    for (Element select : form.select("select[name]")) {
      String name = select.attr("name");
      for (Element option : select.select("option")) {
        String text = FormText.clean(option.hasAttr("label") ? option.attr("label") : option.wholeText());
        // HTML: an option without a value attribute submits its text, white space collapsed.
        String code = option.hasAttr("value") ? option.attr("value").strip() : FormText.clean(option.wholeText());
        if (code.isEmpty()) {
          continue;
        }
        String field = name;
        Element group = option.parent();
        if (name.equals(ZONE_FIELD) && group != null && group.nameIs("optgroup") && group.hasAttr("data-tgeo")) {
          field = Catalogue.zoneField(group.attr("data-tgeo"));
        }
        fields.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(code, new Option(code, text, ""));
      }
    }
    for (Element choice : form.select("input[type=radio][name], input[type=checkbox][name]")) {
      // A checkbox or radio without a value submits "on" (HTML).
      String code = choice.hasAttr("value") ? choice.attr("value").strip() : "on";
      fields.computeIfAbsent(choice.attr("name"), f -> new LinkedHashMap<>())
          .put(code, new Option(code, label(form, choice), ""));
    }
    return new Catalogue(fields, source);
  }

  /** The text that names this control, or "" when none can be told apart from its neighbours'. */
  static String label(Element form, Element control) {
    if (!control.id().isEmpty()) {
      for (Element label : form.select("label[for]")) {
        if (label.attr("for").equals(control.id())) {
          return FormText.clean(label.wholeText());
        }
      }
    }
    Element wrapping = control.closest("label");
    if (wrapping != null && wrapping.select(CONTROLS).size() == 1) {
      return FormText.clean(wrapping.wholeText());
    }
    String after = textAfter(control);
    if (!after.isEmpty()) {
      return after;
    }
    return FormText.clean(control.attr("aria-label").isEmpty() ? control.attr("title") : control.attr("aria-label"));
  }

  /** The text following the control, through inline elements, up to a control, a line break or a block. */
  private static String textAfter(Element control) {
    StringBuilder text = new StringBuilder();
    for (Node node = control.nextSibling(); node != null; node = node.nextSibling()) {
      if (node instanceof TextNode t) {
        text.append(t.getWholeText());
      } else if (node instanceof Element e) {
        if (BREAKS.contains(e.normalName()) || e.is(CONTROLS) || !e.select(CONTROLS).isEmpty()
            || e.select(String.join(",", BREAKS)).size() > 0) {
          break;
        }
        text.append(e.wholeText());
      }
    }
    return FormText.clean(text.toString());
  }
}
