package io.github.scansante.site;

import io.github.scansante.plan.Combination;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The query string of one submit request: every field of the site's form, in the form's order,
 * empty when unused — the site silently ignores a misspelt or missing grouping field, so nothing is
 * left out. Values are URL-encoded here because camel-http sends {@code CamelHttpQuery} raw.
 */
public final class SiteQuery {

  private final List<String> fields;

  public SiteQuery(List<String> fields) {
    this.fields = List.copyOf(fields);
  }

  public Map<String, String> values(Combination c) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : fields) {
      values.put(field, "");
    }
    values.put("annee", c.annee());
    values.put("tgeo", c.tgeo());
    values.put("codegeo", c.codegeo());
    values.put("base", c.base());
    values.put("typrgp", c.typrgp());
    if (!c.isAllStays()) {
      if (!values.containsKey(c.groupingField())) {
        throw new IllegalArgumentException("grouping field " + c.groupingField() + " is not one of the form's fields " + fields);
      }
      values.put(c.groupingField(), c.groupingCode());
    }
    return values;
  }

  public String encode(Combination c) {
    StringJoiner query = new StringJoiner("&");
    values(c).forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return query.toString();
  }
}
