package io.github.scansante.service;

import io.github.scansante.report.RunReport;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The few files of the output folder that the status page links to, served read-only by name from
 * a fixed list: nothing from the request ever becomes a path.
 */
public final class OutputFiles {

  /** Path parameter of the route that serves them. */
  static final String NAME = "name";
  static final String PATH = "/files/";

  private static final Map<String, String> SERVED = new LinkedHashMap<>();

  static {
    SERVED.put(RunReport.FILE_NAME, "text/html; charset=utf-8");
    SERVED.put(RunJournal.MANIFEST, "text/csv; charset=utf-8");
    SERVED.put(RunJournal.DEAD_LETTERS, "text/plain; charset=utf-8");
  }

  private final Path outputDir;

  public OutputFiles(Path outputDir) {
    this.outputDir = outputDir;
  }

  /** The served files that exist now, in the page's order. */
  public Map<String, Path> available() {
    Map<String, Path> found = new LinkedHashMap<>();
    SERVED.keySet().forEach(name -> file(name).ifPresent(p -> found.put(name, p)));
    return found;
  }

  private Optional<Path> file(String name) {
    if (!SERVED.containsKey(name)) {
      return Optional.empty();
    }
    Path p = outputDir.resolve(name);
    // The project writes plain files; a link put there by someone else is not followed.
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? Optional.of(p) : Optional.empty();
  }

  /** Route step: the named file, or 404. */
  public void serve(Exchange exchange) throws IOException {
    Message m = exchange.getMessage();
    String name = m.getHeader(NAME, String.class);
    m.removeHeaders("*");
    Optional<Path> file = name == null ? Optional.empty() : file(name);
    if (file.isEmpty()) {
      HttpReplies.text(m, 404, "not found\n");
      return;
    }
    m.setHeader(Exchange.CONTENT_TYPE, SERVED.get(name));
    m.setHeader(HttpReplies.NO_SNIFF, "nosniff");
    m.setBody(Files.readAllBytes(file.get()));
  }
}
