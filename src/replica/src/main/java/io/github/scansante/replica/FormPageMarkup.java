package io.github.scansante.replica;

import java.util.List;

/**
 * The landing page: a plain HTML filter form offering exactly the codes the replica accepts. Zone
 * codes overlap between regions and departments, so the single {@code codegeo} select groups its
 * options by level ({@code optgroup data-tgeo="re"}).
 */
final class FormPageMarkup {

  private FormPageMarkup() {}

  static String render(SiteFilterTree catalogue, List<String> bases, String submitPath) {
    StringBuilder sb = new StringBuilder(40_000);
    sb.append("<form id=\"filtres\" method=\"get\" action=\"").append(PageSkeleton.attr(submitPath)).append("\">\n")
        .append("<input type=\"hidden\" name=\"snatnav\" value=\"\">\n");
    select(sb, catalogue, "annee", "Année", catalogue.codes("annee"), false);
    radios(sb, catalogue, "tgeo", "Niveau géographique");
    zones(sb, catalogue);
    select(sb, catalogue, "base", "Catégorie d'établissements", bases, false);
    radios(sb, catalogue, "typrgp", "Choix du type de regroupement d'activité");
    for (String field : SiteFilterTree.GROUPING_FIELDS) {
      select(sb, catalogue, field, SubmitResolver.GROUPING_CAPTIONS.get(field), catalogue.codes(field), true);
    }
    sb.append("<p><label for=\"racine\">Racine de GHM</label> <input type=\"text\" name=\"racine\" id=\"racine\" value=\"\"></p>\n")
        .append("<p><label for=\"GHM\">GHM</label> <input type=\"text\" name=\"GHM\" id=\"GHM\" value=\"\"></p>\n")
        .append("<p><button type=\"submit\">Valider</button></p>\n</form>\n");
    return PageSkeleton.page(ResultsPageMarkup.TITLE, sb.toString());
  }

  private static void select(StringBuilder sb, SiteFilterTree catalogue, String field, String caption,
      List<String> codes, boolean emptyFirst) {
    sb.append("<p><label for=\"").append(field).append("\">").append(PageSkeleton.text(caption)).append("</label>\n")
        .append("<select name=\"").append(field).append("\" id=\"").append(field).append("\">\n");
    if (emptyFirst) {
      sb.append("<option value=\"\"></option>\n");
    }
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      option(sb, code, catalogue.label(field, code).orElse(code), !emptyFirst && i == 0, "");
    }
    sb.append("</select></p>\n");
  }

  private static void zones(StringBuilder sb, SiteFilterTree catalogue) {
    sb.append("<p><label for=\"codegeo\">Zone géographique</label>\n<select name=\"codegeo\" id=\"codegeo\">\n");
    for (String tgeo : SiteFilterTree.GEO_LEVELS) {
      String level = catalogue.label("tgeo", tgeo).orElse(tgeo);
      sb.append("<optgroup label=\"").append(PageSkeleton.attr(level)).append("\" data-tgeo=\"").append(tgeo).append("\">\n");
      boolean first = tgeo.equals("fe");
      for (SiteFilterTree.FormOption zone : catalogue.options(SiteFilterTree.zoneField(tgeo))) {
        String region = zone.parent().isEmpty() ? "" : " data-region=\"" + PageSkeleton.attr(zone.parent()) + "\"";
        option(sb, zone.code(), zone.label(), first, region);
        first = false;
      }
      sb.append("</optgroup>\n");
    }
    sb.append("</select></p>\n");
  }

  private static void radios(StringBuilder sb, SiteFilterTree catalogue, String field, String caption) {
    sb.append("<fieldset><legend>").append(PageSkeleton.text(caption)).append("</legend>\n");
    List<SiteFilterTree.FormOption> options = catalogue.options(field);
    for (int i = 0; i < options.size(); i++) {
      SiteFilterTree.FormOption o = options.get(i);
      String id = field + "-" + o.code();
      sb.append("<input type=\"radio\" name=\"").append(field).append("\" value=\"").append(PageSkeleton.attr(o.code()))
          .append("\" id=\"").append(PageSkeleton.attr(id)).append('"').append(i == 0 ? " checked" : "").append('>')
          .append("<label for=\"").append(PageSkeleton.attr(id)).append("\">").append(PageSkeleton.text(o.label()))
          .append("</label>\n");
    }
    sb.append("</fieldset>\n");
  }

  private static void option(StringBuilder sb, String code, String label, boolean selected, String extra) {
    sb.append("<option value=\"").append(PageSkeleton.attr(code)).append('"').append(extra)
        .append(selected ? " selected" : "").append('>').append(PageSkeleton.text(label)).append("</option>\n");
  }
}
