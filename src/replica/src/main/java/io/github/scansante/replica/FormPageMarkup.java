package io.github.scansante.replica;

import java.util.List;
import java.util.Map;

/**
 * The landing page: an HTML filter form offering exactly the codes the replica accepts, in one of
 * several {@link FormMarkup} shapes. Zone codes overlap between regions and departments, so the
 * single {@code codegeo} select groups its options by level ({@code optgroup data-tgeo="re"}).
 */
final class FormPageMarkup {

  /** The wording of {@link FormMarkup#WORDED}: unlike the echo's, with a site's usual noise. */
  private static final Map<String, String> WORDED = Map.ofEntries(
      Map.entry("typrgp tous", "Ensemble&nbsp;des  séjours et\n   séances"),
      Map.entry("typrgp rgpGHM", "REGROUPEMENT d'activité"),
      Map.entry("tgeo fe", "Niveau national"),
      Map.entry("zone-fe 99", "FRANCE ENTIÈRE (métropole + DOM)"),
      Map.entry("base bpub", "Établissements&nbsp;publics &amp; PSPH"),
      Map.entry("base bpri", "Établissements privés (OQN)"),
      Map.entry("A50 M", "Activité de médecine"),
      Map.entry("A50 C", "Activité de chirurgie"),
      Map.entry("A50 O", "Obstétrique (hors séances)"),
      Map.entry("CAS C", "Chirurgie (C)"),
      Map.entry("CAS O14", "Obstétrique mère (O14)"),
      Map.entry("CAS O15", "Nouveau-nés (O15)"),
      Map.entry("CAS PI", "Techniques peu invasives (PI)"));

  private final SiteFilterTree catalogue;
  private final FormMarkup markup;
  private final StringBuilder sb = new StringBuilder(40_000);

  private FormPageMarkup(SiteFilterTree catalogue, FormMarkup markup) {
    this.catalogue = catalogue;
    this.markup = markup;
  }

  static String render(SiteFilterTree catalogue, List<String> bases, String submitPath) {
    return render(catalogue, bases, submitPath, FormMarkup.LABELS);
  }

  static String render(SiteFilterTree catalogue, List<String> bases, String submitPath, FormMarkup markup) {
    return new FormPageMarkup(catalogue, markup).form(bases, submitPath);
  }

  private String form(List<String> bases, String submitPath) {
    sb.append("<form id=\"filtres\" method=\"get\" action=\"").append(PageSkeleton.attr(submitPath)).append("\">\n")
        .append("<input type=\"hidden\" name=\"snatnav\" value=\"\">\n");
    select("annee", "Année", catalogue.codes("annee"), false);
    radios("tgeo", "Niveau géographique");
    zones();
    select("base", "Catégorie d'établissements", bases, false);
    radios("typrgp", "Choix du type de regroupement d'activité");
    for (String field : SiteFilterTree.GROUPING_FIELDS) {
      select(field, SubmitResolver.GROUPING_CAPTIONS.get(field), catalogue.codes(field), true);
    }
    textInput("racine", "Racine de GHM");
    textInput("GHM", "GHM");
    sb.append("<p><button type=\"submit\">Valider</button></p>\n</form>\n");
    return PageSkeleton.page(ResultsPageMarkup.TITLE, sb.toString());
  }

  private void select(String field, String caption, List<String> codes, boolean emptyFirst) {
    openField(field, caption);
    sb.append("<select name=\"").append(field).append("\" id=\"").append(field).append("\">\n");
    if (emptyFirst) {
      sb.append(markup == FormMarkup.NO_VALUE ? "<option></option>\n" : "<option value=\"\"></option>\n");
    }
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      option(code, label(field, code), !emptyFirst && i == 0, "");
    }
    sb.append("</select>");
    closeField();
  }

  private void zones() {
    openField("codegeo", "Zone géographique");
    sb.append("<select name=\"codegeo\" id=\"codegeo\">\n");
    for (String tgeo : SiteFilterTree.GEO_LEVELS) {
      String level = catalogue.label("tgeo", tgeo).orElse(tgeo);
      sb.append("<optgroup label=\"").append(PageSkeleton.attr(level)).append("\" data-tgeo=\"").append(tgeo).append("\">\n");
      boolean first = tgeo.equals("fe");
      for (SiteFilterTree.FormOption zone : catalogue.options(SiteFilterTree.zoneField(tgeo))) {
        String region = zone.parent().isEmpty() ? "" : " data-region=\"" + PageSkeleton.attr(zone.parent()) + "\"";
        option(zone.code(), label(SiteFilterTree.zoneField(tgeo), zone.code()), first, region);
        first = false;
      }
      sb.append("</optgroup>\n");
    }
    sb.append("</select>");
    closeField();
  }

  /** A field's caption and opening markup; the control follows. */
  private void openField(String field, String caption) {
    String text = PageSkeleton.text(caption);
    switch (markup) {
      case PLAIN_TEXT -> sb.append(text).append("<br>\n");
      case WRAPPING -> sb.append("<p><label>").append(text).append("\n");
      case FIELDSET -> sb.append("<fieldset><legend>").append(text).append("</legend>\n");
      default -> sb.append("<p><label for=\"").append(field).append("\">").append(text).append("</label>\n");
    }
  }

  private void closeField() {
    switch (markup) {
      case PLAIN_TEXT -> sb.append("<br>\n");
      case WRAPPING -> sb.append("</label></p>\n");
      case FIELDSET -> sb.append("</fieldset>\n");
      default -> sb.append("</p>\n");
    }
  }

  private void radios(String field, String caption) {
    boolean grouped = markup != FormMarkup.PLAIN_TEXT && markup != FormMarkup.WRAPPING;
    sb.append(grouped ? "<fieldset><legend>" + PageSkeleton.text(caption) + "</legend>\n" : PageSkeleton.text(caption) + "<br>\n");
    List<SiteFilterTree.FormOption> options = catalogue.options(field);
    for (int i = 0; i < options.size(); i++) {
      SiteFilterTree.FormOption o = options.get(i);
      String id = field + "-" + o.code();
      String input = "<input type=\"radio\" name=\"" + field + "\" value=\"" + PageSkeleton.attr(o.code()) + "\""
          + (i == 0 ? " checked" : "");
      String text = label(field, o.code());
      switch (markup) {
        // The text runs up to the line break; the last radio's up to the next control's caption line.
        case PLAIN_TEXT -> sb.append(input).append(">&nbsp;").append(text).append("<br>\n");
        case WRAPPING -> sb.append("<label>").append(input).append("> ").append(text).append("</label>\n");
        case FIELDSET -> sb.append(input).append("> <span>").append(text).append("</span><br>\n");
        default -> sb.append(input).append(" id=\"").append(PageSkeleton.attr(id)).append("\">")
            .append("<label for=\"").append(PageSkeleton.attr(id)).append("\">").append(text).append("</label>\n");
      }
    }
    sb.append(grouped ? "</fieldset>\n" : "");
  }

  private void textInput(String name, String caption) {
    String input = "<input type=\"text\" name=\"" + name + "\" id=\"" + name + "\" value=\"\">";
    switch (markup) {
      case PLAIN_TEXT -> sb.append(PageSkeleton.text(caption)).append(' ').append(input).append("<br>\n");
      case WRAPPING -> sb.append("<p><label>").append(PageSkeleton.text(caption)).append(' ').append(input).append("</label></p>\n");
      default -> sb.append("<p><label for=\"").append(name).append("\">").append(PageSkeleton.text(caption))
          .append("</label> ").append(input).append("</p>\n");
    }
  }

  /** The option's label as HTML: the catalogue's, or this shape's wording of it. */
  private String label(String field, String code) {
    String catalogueLabel = PageSkeleton.text(catalogue.label(field, code).orElse(code));
    return markup == FormMarkup.WORDED ? WORDED.getOrDefault(field + " " + code, catalogueLabel) : catalogueLabel;
  }

  private void option(String code, String labelHtml, boolean selected, String extra) {
    // HTML: an option without a value attribute submits its text.
    boolean valueIsText = markup == FormMarkup.NO_VALUE && PageSkeleton.text(code).equals(labelHtml);
    sb.append("<option").append(valueIsText ? "" : " value=\"" + PageSkeleton.attr(code) + "\"").append(extra)
        .append(selected ? " selected" : "").append('>').append(labelHtml).append("</option>\n");
  }
}
