package io.github.scansante.cli;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import io.github.scansante.plan.PlanException;
import io.github.scansante.plan.Planner;
import io.github.scansante.plan.YearRange;
import io.github.scansante.site.FormComparison;
import io.github.scansante.site.FormDiscovery;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print the plan, one combination a line, then the count; no network. With --discover, print the codes the site's form offers beside the built-in catalogue.")
class PlanCommand implements Callable<Integer> {


  @Option(names = "--plan", paramLabel = "P", defaultValue = "strategic", description = "strategic, france, departments, full, or a CSV plan file.")
  String plan;

  @Option(names = "--years", paramLabel = "A-B", description = "Only these years.")
  String years;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N combinations.")
  long limit;

  @Option(names = "--discover", description = "Read the site's form and compare its codes with the built-in catalogue.")
  boolean discover;

  @Option(names = "--site", paramLabel = "URL", description = "Site for --discover (default site.url).")
  String site;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Catalogue builtIn = Catalogue.builtIn();
    if (discover) {
      discover(out, builtIn, RunOptions.checkSite(site == null ? Defaults.get("site.url") : site));
      return 0;
    }
    Plan p;
    try {
      p = new Planner(builtIn).plan(plan, YearRange.parse(years), limit);
    } catch (PlanException e) {
      throw new UsageException(e.getMessage());
    }
    long count = 0;
    for (Combination c : p) {
      out.println(c.key());
      count++;
    }
    out.println(count + " combinations");
    return 0;
  }

  /** One GET, outside the pipeline: a diagnostic for the user, not part of a run. */
  private void discover(PrintStream out, Catalogue builtIn, String siteUrl) throws IOException, InterruptedException {
    String url = siteUrl + Defaults.get("site.landing-path");
    Duration timeout = Duration.ofMillis(Long.parseLong(Defaults.get("site.read-timeout-ms")));
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("User-Agent", Defaults.get("site.user-agent")).GET().build();
    HttpResponse<String> page = client.send(request,
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Catalogue form = new FormDiscovery().read(page.body(), url);
    FormComparison comparison = new FormComparison(builtIn, form);
    out.printf("%-10s %-8s %-8s %s%n", "field", "code", "where", "label");
    for (FormComparison.Entry e : comparison.entries()) {
      out.printf("%-10s %-8s %-8s %s%n", e.field(), e.code(), e.where(), e.label());
    }
    if (!comparison.differingLabels().isEmpty()) {
      out.println("Labels worded differently by the form (the echo is checked against the built-in wording):");
      comparison.differingLabels().forEach(e -> out.printf("  %s=%s: form '%s', built-in '%s'%n", e.field(), e.code(),
          e.formLabel(), e.builtInLabel()));
    }
    if (!comparison.unreadableLabels().isEmpty()) {
      out.println("Labels that cannot be told apart in the form's markup (left empty):");
      comparison.unreadableLabels().forEach(e -> out.printf("  %s=%s%s%n", e.field(), e.code(),
          e.builtInLabel().isEmpty() ? " (not in the built-in catalogue either: its echo cannot be checked)" : ""));
    }
    if (!form.hasField("codegeo") && form.fields().stream().noneMatch(f -> f.startsWith("zone-"))) {
      out.println("(the form lists no zone codes: zones are not checked)");
    }
  }
}
