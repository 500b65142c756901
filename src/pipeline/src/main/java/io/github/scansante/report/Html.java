package io.github.scansante.report;

import java.util.Map;
import org.apache.camel.util.json.Jsoner;

/** Escaping for the two places site text lands in the report: HTML text/attributes, and script data. */
final class Html {

  private Html() {}

  /** For element text and quoted attribute values. */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON for a {@code <script>} element, serialised by Camel's JSON utility (already on the
   * classpath through camel-http; no Jackson). The HTML parser ends a script at {@code </script}
   * and treats {@code <!--} specially whatever the JavaScript means, so {@code <}, {@code >} and
   * {@code &} are written as JSON unicode escapes: same data, nothing for the HTML parser to see.
   */
  static String scriptJson(Map<String, ?> data) {
    String json = Jsoner.serialize(data);
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
