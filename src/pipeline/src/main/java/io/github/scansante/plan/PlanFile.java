package io.github.scansante.plan;

import io.github.scansante.catalogue.Catalogue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A user's plan: a CSV file whose columns are the form's fields ({@code annee,tgeo,codegeo,base}
 * required; {@code A50,CAS,DA,GP} optional, at most one filled per line). Values become folder and
 * file names, so only short alphanumeric codes are accepted.
 */
final class PlanFile {

  private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9]{1,16}");
  private static final List<String> REQUIRED = List.of("annee", "tgeo", "codegeo", "base");

  private PlanFile() {}

  static List<Combination> read(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
      var parser = format.parse(reader);
      for (String column : REQUIRED) {
        if (!parser.getHeaderMap().containsKey(column)) {
          throw new PlanException(file + ": missing column '" + column + "' (needs " + String.join(",", REQUIRED) + ")");
        }
      }
      List<Combination> out = new ArrayList<>();
      for (CSVRecord r : parser) {
        out.add(combination(file, r));
      }
      return out;
    } catch (IOException e) {
      throw new PlanException(file + ": cannot read plan file (" + e.getMessage() + ")");
    } catch (IllegalStateException | IllegalArgumentException e) {
      if (e instanceof PlanException p) {
        throw p;
      }
      throw new PlanException(file + ": " + e.getMessage());
    }
  }

  private static Combination combination(Path file, CSVRecord r) {
    String where = file + " line " + (r.getRecordNumber() + 1) + ": ";
    List<String> values = new ArrayList<>();
    for (String column : REQUIRED) {
      values.add(safe(where, column, r.get(column)));
    }
    String field = "";
    String code = "";
    for (String grouping : Catalogue.GROUPING_FIELDS) {
      String value = r.isMapped(grouping) ? r.get(grouping).strip() : "";
      if (!value.isEmpty()) {
        if (!field.isEmpty()) {
          throw new PlanException(where + "two groupings (" + field + " and " + grouping + "); the site applies one");
        }
        field = grouping;
        code = safe(where, grouping, value);
      }
    }
    return new Combination(values.get(0), values.get(1), values.get(2), values.get(3), field, code);
  }

  private static String safe(String where, String column, String value) {
    String v = value == null ? "" : value.strip();
    if (!SAFE_CODE.matcher(v).matches()) {
      throw new PlanException(where + column + " '" + v + "' is not a short alphanumeric code");
    }
    return v;
  }
}
