package io.github.scansante.replica;

import java.util.List;

/**
 * Renders results pages in the markup of the site's SAS ODS "Procedure Report" output: the
 * criteria-echo table, the title table, the data table with its Total row, and the footer, with
 * the same classes, inline styles and cell padding. Also the refused page.
 */
final class ResultsPageMarkup {

  static final String TITLE = "Activité infra-annuelle des établissements en MCO";
  static final String REFUSED = "Votre requête n'a pu aboutir";

  private static final String REPORT_TABLE = "<table class=\"table\" cellspacing=\"0\" cellpadding=\"5\" rules=\"all\""
      + " frame=\"box\" summary=\"Procedure Report: Rapport détaillé et/ou agrégé\">\n";
  private static final String LAYOUT_TABLE = "<table class=\"systitleandfootercontainer\" width=\"100%\""
      + " cellspacing=\"1\" cellpadding=\"1\" rules=\"none\" frame=\"void\" summary=\"Page Layout\"><tr>\n";
  private static final String ECHO_STYLE = " font-size: small; font-weight: bold; width: 20.0cm;";
  private static final String TOTAL_STYLE = " background-color: #514B64; border: 1px solid #FFFFFF; color: #FFFFFF;"
      + " font-weight: bold;";
  private static final String SYSTEM_TITLE =
      "Caractérisation de l'activité MCO des établissements de la zone géographique sélectionnée";
  private static final String FOOTER = "Des résultats peuvent être masqués en raison du secret statistique"
      + " (effectif inférieur à 11). Les totaux peuvent donc ne pas correspondre à la somme des données"
      + " affichées dans le tableau.";
  private static final List<String> HEADERS = List.of("Catégorie", "Finess", "Raison Sociale", "Période",
      "Nombre de séjours<br>séances total", "Nombre de séjours en hospit complète",
      "Nombre de séjours en hospit partielle", "Nombre de séances", "Sexe ratio (% homme)", "Age moyen",
      "Durée moyenne de séjour", "% décès");
  private static final String SEANCES_HEADER = "Nombre de séances";
  /** Estimated size of one rendered row, to size the buffer once. */
  private static final int ROW_BYTES = 1_000;

  private ResultsPageMarkup() {}

  /** How the middle data row of a results page is drawn: intact, or with a cell too many or too few. */
  enum RowShape { INTACT, EXTRA_CELL, MISSING_CELL }

  static String results(ResultsPageContent report) {
    return results(report, RowShape.INTACT);
  }

  /** A results page whose middle establishment row has the given shape (a Total-only table has none). */
  static String results(ResultsPageContent report, RowShape middleRow) {
    StringBuilder sb = PageSkeleton.open(TITLE, 4_096 + report.rows().size() * ROW_BYTES);
    echo(sb, report);
    sb.append("<br><div>\n<div align=\"center\">\n")
        .append(REPORT_TABLE);
    if (report.rows().isEmpty()) {
      emptyTable(sb);
    } else {
      dataTable(sb, report, middleRow);
    }
    sb.append("</table>\n</div>\n</div>\n<br>")
        .append(LAYOUT_TABLE)
        .append("<td class=\"l systemfooter\">").append(FOOTER).append("</td>\n</tr></table>\n<br>\n</div></div>");
    return PageSkeleton.close(sb);
  }

  /** The results page with its data table written twice, one after the other. */
  static String twoTables(ResultsPageContent report) {
    String page = results(report);
    int first = page.indexOf(REPORT_TABLE, page.indexOf(REPORT_TABLE) + 1);
    int end = page.indexOf("</table>", first) + "</table>".length();
    return page.substring(0, end) + "\n" + page.substring(first, end) + page.substring(end);
  }

  /** The criteria echo, then {@code depth} nested {@code div} where the data table should be. */
  static String nested(ResultsPageContent report, int depth) {
    StringBuilder sb = PageSkeleton.open(TITLE, 4_096 + depth * "<div></div>".length());
    echo(sb, report);
    sb.append("<div>".repeat(depth)).append("</div>".repeat(depth)).append("\n</div></div>");
    return PageSkeleton.close(sb);
  }

  static String refused() {
    return PageSkeleton.page(TITLE, "<div class=\"snatih\"><p>" + REFUSED + "</p>\n"
        + "<p>Si ce problème persiste, vous pouvez signaler l'incident aux administrateurs du site.</p></div>");
  }

  /** Opens the results area and writes the criteria-echo table, then opens the data table's branch. */
  private static void echo(StringBuilder sb, ResultsPageContent report) {
    sb.append("<div class=\"snatih\"><div class=\"branch\">\n<a name=\"IDX\"></a>\n<div>\n<div align=\"center\">\n")
        .append(REPORT_TABLE)
        .append("<colgroup><col></colgroup>\n<tbody>\n");
    for (String line : report.echo()) {
      sb.append("<tr>\n");
      if (line.isEmpty()) {
        cell(sb, "c data", ECHO_STYLE, CellFormat.BLANK);
      } else {
        cell(sb, "l data", ECHO_STYLE, PageSkeleton.text(line));
      }
      sb.append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n</div>\n</div>\n<br>\n</div><div class=\"branch\">\n<a name=\"IDX\"></a>\n")
        .append(LAYOUT_TABLE)
        .append("<td class=\"c systemtitle\">").append(SYSTEM_TITLE).append("</td>\n</tr></table>\n");
  }

  private static void dataTable(StringBuilder sb, ResultsPageContent report, RowShape middleRow) {
    boolean seances = report.seancesColumn();
    header(sb, seances);
    sb.append("<tbody>\n");
    Figures total = Figures.ZERO;
    int middle = report.rows().size() / 2;
    for (int i = 0; i < report.rows().size(); i++) {
      SyntheticDataset.Row row = report.rows().get(i);
      RowShape shape = i == middle ? middleRow : RowShape.INTACT;
      Establishment e = row.establishment();
      Figures f = row.figures();
      total = total.plus(f);
      String style = " width: 2cm;";
      sb.append("<tr>\n");
      cell(sb, "c data", style, orBlank(e.category()));
      cell(sb, "c data", style, e.finess());
      cell(sb, "l data", " width: 8cm;", orBlank(PageSkeleton.text(e.name())));
      cell(sb, "c data", style, e.isAnonymous() ? CellFormat.BLANK : report.period());
      cell(sb, "r data", style, CellFormat.count(f.stays()));
      cell(sb, "r data", style, CellFormat.count(f.hc()));
      cell(sb, "r data", style, CellFormat.count(f.hp()));
      if (seances) {
        cell(sb, "r data", style, CellFormat.count(f.seances()));
      }
      cell(sb, "r data", style, CellFormat.percent(f.men(), f.persons()));
      cell(sb, "r data", style, CellFormat.decimal(f.ageSum(), f.persons()));
      cell(sb, "r data", style, CellFormat.decimal(f.days(), f.stays()));
      if (shape != RowShape.MISSING_CELL) {
        cell(sb, "r data", style, CellFormat.percent(f.deaths(), f.stays()));
      }
      if (shape == RowShape.EXTRA_CELL) {
        cell(sb, "r data", style, CellFormat.count(f.stays()));
      }
      sb.append("</tr>\n");
    }
    sb.append("<tr>\n");
    // The site prints NA for the counts of a table with séances, true sums otherwise.
    totalRow(sb, total, seances, seances);
    sb.append("</tr>\n</tbody>\n");
  }

  /** The site's answer when nothing matches: an 11-column table with a Total row of zeros. */
  private static void emptyTable(StringBuilder sb) {
    header(sb, false);
    sb.append("<tbody><tr>\n");
    totalRow(sb, Figures.ZERO, false, false);
    sb.append("</tr></tbody>\n");
  }

  private static void totalRow(StringBuilder sb, Figures total, boolean seances, boolean countsNotAvailable) {
    String style = TOTAL_STYLE + " width: 2cm;";
    cell(sb, "c data", style, CellFormat.BLANK);
    cell(sb, "c data", style, CellFormat.BLANK);
    cell(sb, "l data", TOTAL_STYLE + " width: 8cm;", "Total");
    cell(sb, "c data", style, CellFormat.BLANK);
    long[] counts = seances ? new long[] {total.stays(), total.hc(), total.hp(), total.seances()}
        : new long[] {total.stays(), total.hc(), total.hp()};
    for (long count : counts) {
      cell(sb, "r data", style, countsNotAvailable ? CellFormat.NOT_AVAILABLE : CellFormat.total(count));
    }
    cell(sb, "r data", style, CellFormat.percent(total.men(), total.persons()));
    cell(sb, "r data", style, CellFormat.decimal(total.ageSum(), total.persons()));
    cell(sb, "r data", style, total.stays() == 0 ? CellFormat.BLANK : CellFormat.decimal(total.days(), total.stays()));
    cell(sb, "r data", style, CellFormat.percent(total.deaths(), total.stays()));
  }

  private static void header(StringBuilder sb, boolean seances) {
    List<String> headers = seances ? HEADERS : HEADERS.stream().filter(h -> !h.equals(SEANCES_HEADER)).toList();
    sb.append("<colgroup>\n");
    headers.forEach(h -> sb.append("<col>\n"));
    sb.append("</colgroup>\n<thead><tr>\n");
    headers.forEach(h -> sb.append("<th class=\"c header\" scope=\"col\">").append(h).append("</th>\n"));
    sb.append("</tr></thead>\n");
  }

  private static void cell(StringBuilder sb, String cssClass, String style, String content) {
    sb.append("<td class=\"").append(cssClass).append("\" style=\"").append(style).append("\">")
        .append(content).append("</td>\n");
  }

  private static String orBlank(String s) {
    return s.isEmpty() ? CellFormat.BLANK : s;
  }
}
