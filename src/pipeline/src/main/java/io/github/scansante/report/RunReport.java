package io.github.scansante.report;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.economy.Verification;
import io.github.scansante.economy.ZoneTables;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.run.RunJournal;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page on what a run produced, for people who would rather
 * look than read a manifest. A coverage grid from {@code run-manifest.csv}, then charts from
 * {@code scansante_master.csv} (stays per year and category, the largest establishments of the
 * newest year, the share of masked cells), drawn by Apache ECharts inlined into the page: it opens
 * offline, from a file, and fetches nothing.
 */
public final class RunReport {

  public static final String FILE_NAME = "report.html";
  static final String TEMPLATE = "report/report-template.html";
  static final String TITLE = "ScanSanté MCO — extraction report";
  /** Not written, and not because the site had nothing to report. */
  private static final Set<Outcome> PROBLEMS = EnumSet.of(Outcome.REFUSED, Outcome.GROUPING_NOT_APPLIED,
      Outcome.ECHO_MISMATCH, Outcome.MALFORMED, Outcome.FAILED, Outcome.SKIPPED);
  private static final double PERCENT = 100;
  /** French grouping (a narrow space between thousands), as in the charts and the site. */
  private static final Locale NUMBERS = Locale.FRANCE;

  private final Catalogue catalogue;

  /** @param catalogue where category labels come from */
  public RunReport(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Rewrites {@code report.html} at the root of {@code outputDir}, atomically. */
  public void write(Path outputDir) {
    CoverageGrid grid = CoverageGrid.of(ManifestFile.read(outputDir), catalogue);
    MasterSummary summary = MasterSummary.of(outputDir.resolve(MasterTable.FILE_NAME), catalogue.codes(CoverageGrid.BASE_FIELD));
    String page = Template.resource(TEMPLATE).fill(Map.of(
        "title", Html.text(TITLE),
        "run_line", Html.text(LastRun.read(outputDir).map(LastRun::describe)
            .orElse("No completed run in " + RunJournal.RUNS + ": the grid shows the manifest as it stands.")),
        "tiles", tiles(grid.totals(), summary) + derivedTile(ManifestFile.read(outputDir)),
        "legend", grid.legendHtml(),
        "grid", grid.tableHtml(),
        "echarts", EchartsScript.load(),
        "echarts_version", EchartsScript.VERSION,
        "data", Html.scriptJson(summary.chartData())));
    Path target = outputDir.resolve(FILE_NAME);
    try {
      new OwnFiles(outputDir).replaceText(target, page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** The four figures a reader asks first. */
  private static String tiles(Map<Outcome, Integer> totals, MasterSummary summary) {
    int combinations = totals.values().stream().mapToInt(Integer::intValue).sum();
    int onDisk = ManifestFile.WRITTEN.stream().mapToInt(o -> totals.getOrDefault(o, 0)).sum();
    int problems = PROBLEMS.stream().mapToInt(o -> totals.getOrDefault(o, 0)).sum();
    return tile("Combinations", String.format(NUMBERS, "%,d", combinations), "in run-manifest.csv", "")
        + tile("Tables on disk", String.format(NUMBERS, "%,d", onDisk), "data, derived or unchanged", "")
        + tile("Not written", String.format(NUMBERS, "%,d", problems), "refused, ignored grouping, echo mismatch, malformed, failed or skipped",
            problems > 0 ? " warn" : "")
        + tile("Master rows", String.format(NUMBERS, "%,d", summary.rows()),
            String.format(NUMBERS, "%.1f %% of count cells masked", summary.maskedShare() * PERCENT), "");
  }

  /** How many zone tables were taken from national ones, on what the derivation rests, and what was skipped as empty. */
  private static String derivedTile(List<ManifestRow> rows) {
    long derived = rows.stream().filter(r -> r.outcome() == Outcome.DERIVED).count();
    long verified = rows.stream().filter(r -> r.outcome() == Outcome.DERIVED && r.reason().contains("; " + Verification.VERIFIED_BY)).count();
    long samples = rows.stream().filter(r -> r.reason().contains(ZoneTables.SAME_CELLS)).count();
    long empty = rows.stream().filter(r -> r.outcome() == Outcome.SKIPPED && r.reason().startsWith(ZoneTables.NO_ESTABLISHMENT)).count();
    if (derived + samples + empty == 0) {
      return "";
    }
    return tile("Derived", String.format(NUMBERS, "%,d", derived), String.format(NUMBERS,
        "zone tables not asked: %,d verified by %,d samples, %,d unverified; %,d skipped as empty", verified, samples,
        derived - verified, empty), derived > verified ? " warn" : "");
  }

  private static String tile(String label, String value, String note, String modifier) {
    return "<div class=\"tile" + modifier + "\"><span class=\"label\">" + label + "</span><span class=\"value\">" + value
        + "</span><span class=\"note\">" + note + "</span></div>";
  }
}
