package io.github.scansante.report;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.output.CsvDialect;
import java.nio.file.Path;

/**
 * What analysts get at the end of every run, beside the per-combination files: the typed master
 * table, then the report drawn from it. A Camel bean: the pipeline calls {@link #build} once the
 * run's manifest is written.
 */
public final class AnalystOutputs {

  private final MasterTable master;
  private final RunReport report;

  /** @param catalogue where zone, category and grouping labels come from; the standard dialect */
  public AnalystOutputs(Catalogue catalogue) {
    this(catalogue, CsvDialect.STANDARD);
  }

  /**
   * @param catalogue where zone, category and grouping labels come from (e.g. the live form's)
   * @param dialect of the master table
   */
  public AnalystOutputs(Catalogue catalogue, CsvDialect dialect) {
    this.master = new MasterTable(catalogue, dialect);
    this.report = new RunReport(catalogue);
  }

  /** Rebuilds {@code scansante_master.csv}, then {@code report.html}, at the root of {@code outputDir}. */
  public void build(Path outputDir) {
    master(outputDir);
    report(outputDir);
  }

  /** Rebuilds {@code scansante_master.csv} from every verified file of the folder. */
  public void master(Path outputDir) {
    master.build(outputDir);
  }

  /** Rewrites {@code report.html} from the master, the manifest and the run history. */
  public void report(Path outputDir) {
    report.write(outputDir);
  }
}
