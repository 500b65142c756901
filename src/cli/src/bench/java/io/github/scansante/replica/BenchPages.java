package io.github.scansante.replica;

import io.github.scansante.page.ExpectedEcho;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark-only access to the replica's page rendering, which is package-private: the bytes are
 * exactly those {@link ReplicaServer} would send (it answers {@code ResultsPageMarkup.results(report)} in
 * UTF-8), without starting a server. Lives in the replica's package for that reason only; it is
 * compiled with the benchmarks, never into the application.
 */
public final class BenchPages {

  /** A page to benchmark and the echo that a request for it expects. */
  public record BenchPage(String description, byte[] body, ExpectedEcho expected) {}

  private static final String ZONE_FE = "99";

  private final SiteFilterTree catalogue = SiteFilterTree.builtIn();
  private final SyntheticDataset dataset =
      new SyntheticDataset(ReplicaConfig.DEFAULT_SEED, catalogue, ReplicaConfig.defaults().newestYearMonths());
  private final SubmitResolver resolver = new SubmitResolver(catalogue, dataset,
      ReplicaConfig.DEFAULT_NEWEST_YEAR_UPDATE, ReplicaConfig.DEFAULT_NEWEST_PERIOD, EchoRename.NONE, ZoneAnswers.AS_NATIONAL);

  /**
   * The largest page the replica serves (default seed): France entière, all stays, over every
   * year and base it has data for.
   */
  public BenchPage largest() {
    BenchPage best = null;
    for (String year : dataset.years()) {
      for (String base : SyntheticDataset.BASES) {
        ResultsPageContent report = report(year, base);
        byte[] body = ResultsPageMarkup.results(report).getBytes(StandardCharsets.UTF_8);
        if (best == null || body.length > best.body().length) {
          best = new BenchPage("replica " + year + " fe 99 " + base + " tous, " + report.rows().size() + " rows",
              body, expected(year, base));
        }
      }
    }
    return best;
  }

  /**
   * A page the site never serves, to see how costs scale: the public and private establishments
   * of France entière for one year (the year of {@link #largest()}) in one table, about twice the
   * largest real page. Its base echo line names no real base, and its expected echo says the same.
   */
  public BenchPage combined(String year) {
    ResultsPageContent pub = report(year, "bpub");
    ResultsPageContent pri = report(year, "bpri");
    String baseLabel = "Publics et PSPH + Privés OQN (banc d'essai)";
    List<String> echo = new ArrayList<>(pub.echo());
    echo.replaceAll(line -> line.startsWith("Catégorie d'établissement") ? "Catégorie d'établissement: " + baseLabel : line);
    List<SyntheticDataset.Row> rows = new ArrayList<>(pub.rows());
    rows.addAll(pri.rows());
    ResultsPageContent both = new ResultsPageContent(echo, pub.seancesColumn() || pri.seancesColumn(), pub.period(), rows);
    return new BenchPage("replica " + year + " fe 99 bpub+bpri tous, " + rows.size() + " rows",
        ResultsPageMarkup.results(both).getBytes(StandardCharsets.UTF_8),
        new ExpectedEcho(year, zoneLabel(), baseLabel, ExpectedEcho.ALL_STAYS));
  }

  private ResultsPageContent report(String year, String base) {
    return resolver.resolve(Map.of("annee", year, "tgeo", "fe", "codegeo", ZONE_FE, "base", base, "typrgp", "tous"))
        .orElseThrow(() -> new IllegalStateException("the replica refuses " + year + " fe " + base));
  }

  private ExpectedEcho expected(String year, String base) {
    return new ExpectedEcho(year, zoneLabel(), catalogue.label("base", base).orElseThrow(), ExpectedEcho.ALL_STAYS);
  }

  private String zoneLabel() {
    return catalogue.label(SiteFilterTree.zoneField("fe"), ZONE_FE).orElseThrow();
  }
}
