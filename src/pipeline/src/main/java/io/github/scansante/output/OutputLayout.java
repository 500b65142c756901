package io.github.scansante.output;

import io.github.scansante.plan.Combination;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the file of a combination goes, relative to the output folder, e.g.
 * {@code 01_France_entiere/A_Publics_PSPH/2_Activites_soins/2024_activite_medecine.csv}. Names come
 * from {@code output/layout.properties}; every path segment is reduced to safe characters so that no
 * code can lead outside the output folder.
 */
public final class OutputLayout {

  public static final String RESOURCE = "output/layout.properties";
  private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");
  private static final String CODE = "{code}";

  private final Properties names;

  public OutputLayout(Properties names) {
    this.names = names;
  }

  public static OutputLayout standard() {
    Properties names = new Properties();
    try (InputStream in = OutputLayout.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      names.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OutputLayout(names);
  }

  public String relativePath(Combination c) {
    String level = name("level." + c.tgeo(), "level", c.tgeo());
    String base = name("base." + c.base(), "base", c.base());
    String grouping = c.isAllStays() ? Combination.ALL_STAYS : c.groupingField();
    String folder = name("folder." + grouping, "folder", grouping);
    String stem = c.isAllStays()
        ? name("file." + Combination.ALL_STAYS, "file", Combination.ALL_STAYS)
        : name("file." + c.groupingField() + "." + c.groupingCode(), "file." + c.groupingField(), c.groupingCode());
    String suffix = names.getProperty("suffix." + c.tgeo(), "_" + c.tgeo() + CODE).replace(CODE, c.codegeo());
    return String.join("/", level, base, folder, safe(c.annee() + "_" + stem + suffix) + ".csv");
  }

  /** The specific name, else the generic pattern with the code, else the code itself. */
  private String name(String specific, String generic, String code) {
    String value = names.getProperty(specific);
    if (value == null) {
      value = names.getProperty(generic, code + "_" + CODE).replace(CODE, code);
    }
    return safe(value);
  }

  static String safe(String segment) {
    String cleaned = UNSAFE.matcher(segment).replaceAll("_");
    return cleaned.isEmpty() || cleaned.chars().allMatch(ch -> ch == '_' || ch == '-') ? "_" + cleaned + "_" : cleaned;
  }
}
