package io.github.scansante.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The ECharts library, read from its webjar so that the report can inline it and open offline. */
final class EchartsScript {

  static final String VERSION = "5.3.1";
  static final String RESOURCE = "META-INF/resources/webjars/echarts/" + VERSION + "/dist/echarts.min.js";
  private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);

  private EchartsScript() {}

  /**
   * The minified library, safe to put between {@code <script>} tags.
   *
   * @throws IllegalStateException when the webjar {@code org.webjars.npm:echarts:5.3.1} is not on
   *     the classpath
   */
  static String load() {
    try (InputStream in = EchartsScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE + ": the report needs org.webjars.npm:echarts:" + VERSION);
      }
      String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Inside a JS string or regex "<\/script" means the same; in HTML it no longer ends the element.
      return SCRIPT_END.matcher(script).replaceAll("<\\\\/$1");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
