package io.github.scansante.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page skeleton from the classpath with {@code {{name}}} slots, filled in one pass: what is put
 * in a slot is never searched for slots again, so no value (a 1 MB library, a site name) can be
 * mistaken for one.
 */
final class Template {

  private static final Pattern SLOT = Pattern.compile("\\{\\{([a-z_]+)}}");

  private final String text;

  private Template(String text) {
    this.text = text;
  }

  static Template resource(String name) {
    try (InputStream in = Template.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new Template(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @throws IllegalStateException for a slot with no value: a page with a hole is a bug */
  String fill(Map<String, String> values) {
    Matcher m = SLOT.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + values.values().stream().mapToInt(String::length).sum());
    int from = 0;
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for slot " + m.group());
      }
      out.append(text, from, m.start()).append(value);
      from = m.end();
    }
    return out.append(text, from, text.length()).toString();
  }
}
