package io.github.scansante.economy;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.flow.CombinationWork;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.output.CsvDialect;
import io.github.scansante.output.DataFiles;
import io.github.scansante.output.SpreadsheetText;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spares the site the tables a run can know without asking:
 * <ul>
 *   <li>skips a table that cannot hold an establishment: a grouping whose parent table (all stays;
 *       for a planning group, its CAS) is empty for the same zone, year and category, or a zone
 *       table where the national table of the same year, category and grouping has none located in
 *       the zone;
 *   <li>derives a region or department table from the verified national file on disk once the
 *       site's own zone tables of that year and category have confirmed the derivation
 *       ({@link Verification}): until then a zone table is asked as a verification sample and
 *       compared cell for cell with the derived one.
 * </ul>
 * The run's knowledge lives in its {@link Derivations}.
 */
public final class ZoneTables {

  /** Starts the reason of a table skipped because it cannot hold an establishment. */
  public static final String NO_ESTABLISHMENT = "no establishment: ";
  /** In the reason of a verification sample whose cells were those of the derived table. */
  public static final String SAME_CELLS = "verification sample: same cells";
  private static final Logger LOG = LoggerFactory.getLogger(ZoneTables.class);
  private static final String PLANNING_GROUP = "GP";
  private static final String CAS = "CAS";

  private final boolean derive;
  private final int samples;
  private final boolean prune;
  private final Catalogue catalogue;
  private final ZoneDerivation derivation;

  /**
   * @param derive derive zone tables (derive.enabled)
   * @param samples K, zone tables asked per year and category to verify the derivation (derive.samples)
   * @param prune skip tables that cannot hold an establishment (prune.enabled)
   * @param catalogue the built-in catalogue: department → region, planning group → CAS
   */
  public ZoneTables(boolean derive, int samples, boolean prune, Catalogue catalogue) {
    this.derive = derive;
    this.samples = samples;
    this.prune = prune;
    this.catalogue = catalogue;
    this.derivation = new ZoneDerivation(catalogue);
  }

  public boolean derives() {
    return derive;
  }

  /** Filter predicate: the table cannot hold an establishment. */
  public boolean isPruned(Exchange exchange) {
    DerivationSession run = DerivationSession.of(exchange);
    return prune && emptiness(run.derivations(), run.outputDir(), CombinationWork.of(exchange).combination())
        .isPresent();
  }

  /** Marks the combination skipped, with the reason, for the dead-letter step. */
  public void skip(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    DerivationSession run = DerivationSession.of(exchange);
    String reason = emptiness(run.derivations(), run.outputDir(), work.combination())
        .orElse(NO_ESTABLISHMENT + "known empty");
    work.failed(new Verdict(Outcome.SKIPPED, reason + "; not requested"));
  }

  /** Step before the request: derive the zone table, or mark it a verification sample, or leave it to be asked. */
  public void decide(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    Combination c = work.combination();
    if (!derive || !ZoneDerivation.derivable(c.tgeo())) {
      return;
    }
    DerivationSession run = DerivationSession.of(exchange);
    Path outputDir = run.outputDir();
    Derivations known = run.derivations();
    Optional<ManifestRow> national = onDisk(known, c);
    if (national.isEmpty()) {
      return;
    }
    Verification verification = known.verification(c, samples);
    if (verification.state() == Verification.State.OFF) {
      return;
    }
    ManifestRow source = national.get();
    // Only a national table whose every row is located gives whole zone tables.
    if (known.departments(source, () -> read(outputDir, source)).isEmpty()) {
      return;
    }
    Optional<ResultPage> zone = known.table(source, () -> read(outputDir, source))
        .flatMap(table -> derivation.derive(table, c.tgeo(), c.codegeo()));
    if (zone.isEmpty()) {
      return;
    }
    String from = "derived from " + source.file() + " (sha256 " + source.sha256() + ")";
    if (verification.state() == Verification.State.SAMPLING) {
      work.derivable(zone.get(), source, from);
    } else {
      work.derivable(zone.get(), source, from + "; " + verification.describe());
      work.useDerived();
    }
  }

  /**
   * Step after the answer of a verification sample was judged: the same cells confirm the derivation;
   * a difference turns it off for the year and category; a refusal, or a skip because the site keeps
   * refusing one of its codes, counts towards "the site refuses zone tables", and the derived table
   * stands in for the refused one, unverified.
   */
  public void compare(Exchange exchange) {
    CombinationWork work = CombinationWork.of(exchange);
    Verdict verdict = work.verdict();
    if (!work.isVerificationSample() || verdict == null) {
      return;
    }
    Combination c = work.combination();
    Verification verification = DerivationSession.of(exchange).derivations().verification(c, samples);
    if (verdict.outcome() == Outcome.REFUSED || verdict.outcome() == Outcome.SKIPPED) {
      verification.refused();
      work.useDerived();
      work.note(verdict.outcome() == Outcome.REFUSED ? "unverified: the site refused this zone table"
          : "unverified: not asked, " + verdict.reason());
      return;
    }
    if (verdict.outcome() != Outcome.DATA && verdict.outcome() != Outcome.EMPTY) {
      return;
    }
    Optional<String> difference = TableComparison.firstDifference(work.derivedPage(), work.page());
    if (difference.isEmpty()) {
      verification.matched();
      work.note(SAME_CELLS + " as the table derived from " + work.derivedFrom().file());
      return;
    }
    verification.differs(c.key() + " differs from the table derived from " + work.derivedFrom().file() + " ("
        + difference.get() + ")");
    LOG.warn("Zone tables of {} {} are asked, not derived: {}", c.annee(), c.base(), verification.describe());
    work.note("verification sample differs from the table derived from " + work.derivedFrom().file() + " ("
        + difference.get() + "): derivation off for " + c.annee() + " " + c.base() + ", its zone tables are asked");
  }

  /** Why the table cannot hold an establishment, if it cannot, from what the run knows and the files under its output folder. */
  Optional<String> emptiness(Derivations known, Path outputDir, Combination c) {
    for (Combination parent : parents(c)) {
      if (known.isEmpty(parent)) {
        return Optional.of(NO_ESTABLISHMENT + "its parent table " + describe(parent) + " is empty");
      }
    }
    if (!ZoneDerivation.derivable(c.tgeo())) {
      return Optional.empty();
    }
    Combination national = RequestEstimate.nationalOf(c);
    if (known.isEmpty(national)) {
      return Optional.of(NO_ESTABLISHMENT + "the national table " + describe(national) + " is empty");
    }
    Optional<ManifestRow> source = onDisk(known, c);
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Optional<Set<String>> departments = known.departments(source.get(), () -> read(outputDir, source.get()));
    if (departments.isPresent()
        && departments.get().stream().noneMatch(d -> derivation.departmentIn(d, c.tgeo(), c.codegeo()))) {
      return Optional.of(NO_ESTABLISHMENT + "the national table " + source.get().file() + " lists none located in "
          + describe(c.tgeo(), c.codegeo()));
    }
    return Optional.empty();
  }

  /** The tables that hold every establishment of this one: all stays, and for a planning group its CAS. */
  List<Combination> parents(Combination c) {
    List<Combination> parents = new ArrayList<>();
    if (c.isAllStays()) {
      return parents;
    }
    parents.add(Combination.allStays(c.annee(), c.tgeo(), c.codegeo(), c.base()));
    if (c.groupingField().equals(PLANNING_GROUP)) {
      catalogue.option(PLANNING_GROUP, c.groupingCode()).map(Catalogue.Option::parent).filter(p -> !p.isEmpty())
          .ifPresent(cas -> parents.add(new Combination(c.annee(), c.tgeo(), c.codegeo(), c.base(), CAS, cas)));
    }
    return parents;
  }

  /** The national table of the zone table, if this run wrote it or kept it. */
  private static Optional<ManifestRow> onDisk(Derivations known, Combination c) {
    return known.national(RequestEstimate.nationalOf(c))
        .filter(row -> (row.outcome() == Outcome.DATA || row.outcome() == Outcome.UNCHANGED) && !row.file().isEmpty());
  }

  /** The national table as verified and written: read from its file, whose checksum must be the recorded one. */
  private static Optional<ResultPage> read(Path outputDir, ManifestRow national) {
    Path file = outputDir.resolve(national.file());
    if (!Files.isRegularFile(file) || !DataFiles.sha256(file).equals(national.sha256())) {
      LOG.warn("{} is not the file the run verified (missing or changed since): its zone tables are asked", national.file());
      return Optional.empty();
    }
    try (CSVParser csv = CsvDialect.open(file)) {
      List<String> columns = csv.getHeaderNames().stream().map(SpreadsheetText::restored).toList();
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : csv) {
        rows.add(record.stream().map(SpreadsheetText::restored).toList());
      }
      return Optional.of(new ResultPage(List.of(), columns, rows, List.of(), "", ""));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private String describe(Combination c) {
    return c.annee() + " " + c.base() + " " + describe(c.tgeo(), c.codegeo()) + " "
        + (c.isAllStays() ? Combination.ALL_STAYS : c.groupingField() + "=" + c.groupingCode());
  }

  private String describe(String tgeo, String codegeo) {
    return catalogue.label(Catalogue.zoneField(tgeo), codegeo).map(l -> l + " (" + tgeo + " " + codegeo + ")")
        .orElse(tgeo + " " + codegeo);
  }
}
