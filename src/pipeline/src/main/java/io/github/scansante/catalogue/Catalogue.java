package io.github.scansante.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The codes and labels of the site's filter form, by field. The built-in copy
 * ({@code catalogue/catalogue.csv}) is the fallback; a catalogue read from the live form wins.
 *
 * <p>Fields: {@code annee}, {@code tgeo}, {@code zone-fe}/{@code zone-re}/{@code zone-de} (the
 * {@code codegeo} values offered for each geographic level), {@code base}, {@code typrgp}, and the
 * grouping fields {@code A50}, {@code CAS}, {@code DA}, {@code GP}.
 */
public final class Catalogue {

  public static final String BUILT_IN_RESOURCE = "catalogue/catalogue.csv";
  public static final List<String> GROUPING_FIELDS = List.of("A50", "CAS", "DA", "GP");
  public static final List<String> GEO_LEVELS = List.of("fe", "re", "de");

  /** One option of a field; {@code parent} is the region of a department, the CAS of a planning group (GP), empty otherwise. */
  public record Option(String code, String label, String parent) {}

  private final Map<String, Map<String, Option>> byField;
  private final String source;

  public Catalogue(Map<String, Map<String, Option>> byField, String source) {
    Map<String, Map<String, Option>> copy = new LinkedHashMap<>();
    byField.forEach((field, options) -> copy.put(field, Collections.unmodifiableMap(new LinkedHashMap<>(options))));
    this.byField = Collections.unmodifiableMap(copy);
    this.source = source;
  }

  public static Catalogue builtIn() {
    try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUILT_IN_RESOURCE);
      }
      return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code field,code,label,parent} records. */
  public static Catalogue fromCsv(Reader reader, String source) throws IOException {
    Map<String, Map<String, Option>> byField = new LinkedHashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    for (CSVRecord r : format.parse(reader)) {
      byField.computeIfAbsent(r.get("field"), f -> new LinkedHashMap<>())
          .put(r.get("code"), new Option(r.get("code"), r.get("label"), r.get("parent")));
    }
    return new Catalogue(byField, source);
  }

  public static String zoneField(String tgeo) {
    return "zone-" + tgeo;
  }

  /** Where this catalogue came from: "built-in" or the form's URL. */
  public String source() {
    return source;
  }

  public List<String> fields() {
    return List.copyOf(byField.keySet());
  }

  public List<Option> options(String field) {
    return new ArrayList<>(byField.getOrDefault(field, Map.of()).values());
  }

  public List<String> codes(String field) {
    return List.copyOf(byField.getOrDefault(field, Map.of()).keySet());
  }

  public boolean hasField(String field) {
    return byField.containsKey(field);
  }

  public boolean offers(String field, String code) {
    return byField.getOrDefault(field, Map.of()).containsKey(code);
  }

  public Optional<Option> option(String field, String code) {
    return Optional.ofNullable(byField.getOrDefault(field, Map.of()).get(code));
  }

  public Optional<String> label(String field, String code) {
    return option(field, code).map(Option::label);
  }
}
