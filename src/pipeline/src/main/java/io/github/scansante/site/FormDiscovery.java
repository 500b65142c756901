package io.github.scansante.site;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.catalogue.Catalogue.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the codes the site's filter form offers: every {@code select}'s options and every radio
 * button. Zone codes overlap between regions and departments, so {@code codegeo} options are filed
 * under their level when their {@code optgroup} says which ({@code data-tgeo}); otherwise under
 * {@code codegeo}, for every level. Free-text inputs constrain nothing and are not listed.
 */
public final class FormDiscovery {

  static final String ZONE_FIELD = "codegeo";

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
        String code = option.hasAttr("value") ? option.attr("value").strip() : option.text().strip();
        if (code.isEmpty()) {
          continue;
        }
        String field = name;
        Element group = option.parent();
        if (name.equals(ZONE_FIELD) && group != null && group.nameIs("optgroup") && group.hasAttr("data-tgeo")) {
          field = Catalogue.zoneField(group.attr("data-tgeo"));
        }
        fields.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(code, new Option(code, option.text().strip(), ""));
      }
    }
    for (Element radio : form.select("input[type=radio][name]")) {
      String code = radio.attr("value").strip();
      Element label = radio.id().isEmpty() ? null : form.selectFirst("label[for=" + radio.id() + "]");
      String text = label != null ? label.text().strip() : radio.parent() != null ? radio.parent().text().strip() : code;
      fields.computeIfAbsent(radio.attr("name"), f -> new LinkedHashMap<>()).put(code, new Option(code, text, ""));
    }
    return new Catalogue(fields, source);
  }
}
