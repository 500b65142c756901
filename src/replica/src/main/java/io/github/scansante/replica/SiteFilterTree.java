package io.github.scansante.replica;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The codes and labels the site's filter form offers, by field, as the replica serves them
 * ({@code replica/site-filter-tree.csv}, taken from the captured form). The replica keeps its own
 * copy rather than the pipeline's catalogue: a site does not share its client's idea of it.
 *
 * <p>Fields: {@code annee}, {@code tgeo}, {@code zone-fe}/{@code zone-re}/{@code zone-de} (the
 * {@code codegeo} values of each geographic level), {@code base}, {@code typrgp}, and the grouping
 * fields {@code A50}, {@code CAS}, {@code DA}, {@code GP}.
 */
public final class SiteFilterTree {

  private static final String RESOURCE = "replica/site-filter-tree.csv";
  public static final List<String> GROUPING_FIELDS = List.of("A50", "CAS", "DA", "GP");
  public static final List<String> GEO_LEVELS = List.of("fe", "re", "de");

  /** One option of a field; {@code parent} is the region of a department, empty otherwise. */
  public record FormOption(String code, String label, String parent) {}

  private final Map<String, Map<String, FormOption>> byField;

  private SiteFilterTree(Map<String, Map<String, FormOption>> byField) {
    this.byField = byField;
  }

  public static SiteFilterTree builtIn() {
    try (InputStream in = SiteFilterTree.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<String, Map<String, FormOption>> byField = new LinkedHashMap<>();
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        byField.computeIfAbsent(r.get("field"), f -> new LinkedHashMap<>())
            .put(r.get("code"), new FormOption(r.get("code"), r.get("label"), r.get("parent")));
      }
      return new SiteFilterTree(byField);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String zoneField(String tgeo) {
    return "zone-" + tgeo;
  }

  public List<FormOption> options(String field) {
    return new ArrayList<>(byField.getOrDefault(field, Map.of()).values());
  }

  public List<String> codes(String field) {
    return List.copyOf(byField.getOrDefault(field, Map.of()).keySet());
  }

  public boolean offers(String field, String code) {
    return byField.getOrDefault(field, Map.of()).containsKey(code);
  }

  public Optional<String> label(String field, String code) {
    return Optional.ofNullable(byField.getOrDefault(field, Map.of()).get(code)).map(FormOption::label);
  }
}
