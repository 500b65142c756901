package io.github.scansante.economy;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.plan.Combination;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one run knows that saves requests: the national tables it has finished (their manifest rows),
 * the tables known to hold no establishment, the departments each national table has establishments
 * in, and, per year and category, whether derived zone tables are trusted. Kept by the run, fed by
 * every row it records (and, on resume, by the rows of its journal); nothing of it outlives the run.
 */
public final class Derivations {

  private final Map<String, ManifestRow> nationalRows = new HashMap<>();
  private final Set<String> emptyTables = new HashSet<>();
  private final Map<String, Set<String>> departmentsOf = new HashMap<>();
  private final Map<String, Verification> verifications = new LinkedHashMap<>();
  /** The last national table read, with its key: the zone tables of one national table often follow one another. */
  private String lastKey = "";
  private ResultPage lastTable;

  /** Learns from a finished combination. */
  public synchronized void recorded(ManifestRow row) {
    Combination c = row.combination();
    if (!ZoneDerivation.derivable(c.tgeo())) {
      nationalRows.put(c.key(), row);
    }
    if (row.outcome() == Outcome.EMPTY
        || (row.outcome() == Outcome.SKIPPED && row.reason().startsWith(ZoneTables.NO_ESTABLISHMENT))) {
      emptyTables.add(c.key());
    }
  }

  public synchronized boolean isEmpty(Combination c) {
    return emptyTables.contains(c.key());
  }

  /** The national table's row in this run, if it finished. */
  public synchronized Optional<ManifestRow> national(Combination national) {
    return Optional.ofNullable(nationalRows.get(national.key()));
  }

  /**
   * The departments a national table has establishments in, worked out once; empty when that cannot
   * be told (no FINESS column, a FINESS that locates nowhere), which proves no zone empty.
   */
  public synchronized Optional<Set<String>> departments(ManifestRow national, Supplier<Optional<ResultPage>> table) {
    String key = national.combination().key();
    if (!departmentsOf.containsKey(key)) {
      departmentsOf.put(key, table(national, table).flatMap(Derivations::departments).orElse(null));
    }
    return Optional.ofNullable(departmentsOf.get(key));
  }

  /** The national table, read again unless it was the last one read. */
  public synchronized Optional<ResultPage> table(ManifestRow national, Supplier<Optional<ResultPage>> read) {
    String key = national.combination().key() + "|" + national.sha256();
    if (!key.equals(lastKey)) {
      Optional<ResultPage> page = read.get();
      if (page.isEmpty()) {
        return page;
      }
      lastKey = key;
      lastTable = page.get();
    }
    return Optional.of(lastTable);
  }

  /** Where derivation stands for the year and category of a combination. */
  public synchronized Verification verification(Combination c, int samples) {
    return verifications.computeIfAbsent(c.annee() + " " + c.base(), what -> new Verification(what, samples));
  }

  /** Where derivation stands, one line per year and category whose zone tables could be derived. */
  public synchronized List<String> summary() {
    return verifications.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().describe()).toList();
  }

  private static Optional<Set<String>> departments(ResultPage national) {
    int finess = national.column(ZoneDerivation.FINESS_COLUMN);
    if (finess < 0) {
      return Optional.empty();
    }
    Set<String> out = new HashSet<>();
    for (var row : national.establishments()) {
      Optional<String> department = finess < row.size() ? FinessLocation.department(row.get(finess)) : Optional.empty();
      if (department.isEmpty()) {
        return Optional.empty();
      }
      out.add(department.get());
    }
    return Optional.of(out);
  }
}
