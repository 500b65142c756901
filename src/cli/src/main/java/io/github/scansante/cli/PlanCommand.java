package io.github.scansante.cli;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.config.PlanSettings;
import io.github.scansante.config.Settings;
import io.github.scansante.config.SiteSettings;
import io.github.scansante.economy.RequestEstimate;
import io.github.scansante.page.MalformedPageException;
import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import io.github.scansante.plan.Planner;
import io.github.scansante.site.BoundedBody;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Print the plan, one combination a line, then the count; no network. With --estimate, the requests and polite duration of each strategy. With --discover, print the codes the site's form offers beside the built-in catalogue.")
class PlanCommand implements Callable<Integer> {

  @Option(names = "--plan", paramLabel = "P", description = "strategic, france, departments, full, or a CSV plan file (default plan.name: strategic).")
  String plan;

  @Option(names = "--years", paramLabel = "A-B", description = "Only these years.")
  String years;

  @Option(names = "--limit", paramLabel = "N", description = "At most N combinations (1 or more).")
  Long limit;

  @Option(names = "--discover", description = "Read the site's form and compare its codes with the built-in catalogue.")
  boolean discover;

  @Option(names = "--estimate", description = "Print the requests each strategy needs (naive, pruned, derived) and their polite duration at the configured delay, instead of the combinations.")
  boolean estimate;

  @Option(names = "--site", paramLabel = "URL", description = "Site for --discover (default site.url).")
  String site;

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = new LinkedHashMap<>();
    Map<String, String> options = new LinkedHashMap<>();
    if (site != null) {
      overrides.put("site.url", SiteSettings.baseUrl("--site", site));
    }
    if (plan != null) {
      overrides.put("plan.name", plan);
      options.put("plan.name", "--plan");
    }
    if (years != null) {
      overrides.put("plan.years", years);
      options.put("plan.years", "--years");
    }
    if (limit != null) {
      overrides.put("plan.limit", RunOptions.checkLimit(limit).toString());
      options.put("plan.limit", "--limit");
    }
    Settings settings = RunOptions.settings(overrides, options);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Catalogue builtIn = Catalogue.builtIn();
    if (discover) {
      discover(out, builtIn, settings.site(), settings.page().maxBytes());
      return ExitCodes.OK;
    }
    PlanSettings p = settings.plan();
    RunOptions.checkPlan(p);
    Plan selected = new Planner(builtIn).plan(p.name(), p.years(), p.limit());
    if (estimate) {
      printEstimate(out, selected, settings);
      return ExitCodes.OK;
    }
    long count = 0;
    for (Combination c : selected) {
      out.println(c.key());
      count++;
    }
    out.println(count + " combinations");
    return ExitCodes.OK;
  }

  /** The results requests of each strategy and their duration at one request per period, the landing page included. */
  private static void printEstimate(PrintStream out, Plan plan, Settings settings) {
    int samples = settings.economy().samples();
    RequestEstimate e = RequestEstimate.of(plan, samples);
    Duration period = Duration.ofMillis(settings.politeness().effectivePeriodMs());
    out.printf(Locale.ROOT, "plan %s: %,d combinations, %,d of them region or department tables%n", plan.name(),
        e.combinations(), e.zoneTables());
    out.printf(Locale.ROOT, "%-8s %12s  %-16s %s%n", "strategy", "requests", "at " + period.toMillis() + " ms", "how");
    row(out, "naive", "", e.naiveRequests(), period, "every combination asked");
    row(out, "pruned", "<=", e.naiveRequests(), period,
        "fewer as the run finds empty parent tables and zones the national table has no establishment in");
    row(out, "derived", "", e.economicalRequests(), period, String.format(Locale.ROOT,
        "%,d national tables + %,d zone tables asked to verify (up to %d per year x category); pruning lowers it further",
        e.nationalTables(), e.sampleRequests(), samples));
    out.println("(results requests; the duration counts the landing page too. derive.samples, throttle.period-ms: --set or application.properties)");
  }

  private static void row(PrintStream out, String strategy, String bound, long requests, Duration period, String how) {
    out.printf(Locale.ROOT, "%-8s %12s  %-16s %s%n", strategy, bound + String.format(Locale.ROOT, "%,d", requests),
        bound + RequestEstimate.words(RequestEstimate.duration(requests, period)), how);
  }

  /**
   * A page's answer, with the pipeline's cap and deadline: a page that never ends, or trickles,
   * fails with one line instead of filling the memory or hanging.
   */
  static HttpResponse<byte[]> boundedAnswer(HttpClient client, HttpRequest request, String url, long maxBytes, long deadlineMs)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, BoundedBody.handler(maxBytes));
    try {
      return answer.get(deadlineMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new IOException("no complete answer from " + url + " within " + deadlineMs + " ms (site.response-deadline-ms)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MalformedPageException) {
        throw new IOException("the page at " + url + " is larger than " + maxBytes + " bytes (page.max-bytes)");
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  /** One GET, outside the pipeline: a diagnostic for the user, not part of a run. */
  private void discover(PrintStream out, Catalogue builtIn, SiteSettings site, int maxBytes) throws InterruptedException {
    String url = site.url() + site.landingPath();
    byte[] page;
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(site.connectTimeoutMs())).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(site.readTimeoutMs()))
          .header("User-Agent", site.userAgent()).GET().build();
      page = boundedAnswer(client, request, url, maxBytes, site.responseDeadlineMs()).body();
    } catch (IOException e) {
      throw new UserFailure(ExitCodes.FAILURE, "cannot read the site's form at " + url + ": " + UserMessages.cause(e)
          + "; check the address (--site) and the network, or try again later", e);
    }
    Catalogue form = new FormDiscovery().read(new String(page, StandardCharsets.UTF_8), url);
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
