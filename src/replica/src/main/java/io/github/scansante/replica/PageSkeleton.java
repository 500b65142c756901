package io.github.scansante.replica;

/**
 * The document around every replica page: the same nesting as the site's pages (html, head,
 * body, div#body, div#content, div.center, div.wrap-content-main), in a template of our own,
 * with no external resources.
 */
final class PageSkeleton {

  private PageSkeleton() {}

  static String page(String title, String main) {
    return close(open(title, main.length()).append(main));
  }

  /** Starts a page, leaving the buffer inside div.wrap-content-main; {@code expectedMain} sizes it. */
  static StringBuilder open(String title, int expectedMain) {
    return new StringBuilder(expectedMain + 1024)
        .append("<!doctype html>\n")
        .append("<html lang=\"fr\" class=\"no-js\" dir=\"ltr\">\n")
        .append("    <head>\n")
        .append("        <meta charset=\"utf-8\" />\n")
        .append("        <meta name=\"generator\" content=\"scansante-pipeline replica\" />\n")
        .append("        <title>").append(text(title)).append(" | Réplique locale de ScanSanté</title>\n")
        .append("    </head>\n")
        .append("    <body class=\"html not-front page-applications page-applications-cartographie-activite-mco\">\n")
        .append("        <div id=\"body\">\n")
        .append("<div id=\"content\" role=\"main\">\n")
        .append("    <div class=\"center\">\n")
        .append("            <div class=\"wrap-content-main\">\n");
  }

  /** Ends a page started with {@link #open}. */
  static String close(StringBuilder sb) {
    return sb.append("</div>    </div>\n")
        .append("</div>\n")
        .append("        </div>\n")
        .append("    </body>\n")
        .append("</html>\n")
        .toString();
  }

  /** Escapes text content. */
  static String text(String s) {
    if (s.indexOf('&') < 0 && s.indexOf('<') < 0 && s.indexOf('>') < 0) {
      return s;
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Escapes an attribute value written between double quotes. */
  static String attr(String s) {
    return text(s).replace("\"", "&quot;");
  }
}
