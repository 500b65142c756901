package io.github.scansante.cli;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.page.MalformedPageException;
import io.github.scansante.plan.Combination;
import io.github.scansante.plan.Plan;
import io.github.scansante.plan.PlanException;
import io.github.scansante.plan.Planner;
import io.github.scansante.plan.YearRange;
import io.github.scansante.site.BoundedBody;
import io.github.scansante.site.FormDiscovery;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /**
   * The landing page's bytes, with the pipeline's cap and deadline: a page that never ends, or
   * trickles, fails with one line instead of filling the memory or hanging.
   */
  private static byte[] landingPage(HttpClient client, HttpRequest request, String url)
      throws IOException, InterruptedException {
    long maxBytes = Long.parseLong(Defaults.get("page.max-bytes"));
    long deadlineMs = Long.parseLong(Defaults.get("site.response-deadline-ms"));
    CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, BoundedBody.handler(maxBytes));
    try {
      return answer.get(deadlineMs, TimeUnit.MILLISECONDS).body();
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
  private void discover(PrintStream out, Catalogue builtIn, String siteUrl) throws IOException, InterruptedException {
    String url = siteUrl + Defaults.get("site.landing-path");
    Duration timeout = Duration.ofMillis(Long.parseLong(Defaults.get("site.read-timeout-ms")));
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("User-Agent", Defaults.get("site.user-agent")).GET().build();
    Catalogue form = new FormDiscovery().read(new String(landingPage(client, request, url), StandardCharsets.UTF_8), url);
    out.printf("%-10s %-8s %-8s %s%n", "field", "code", "where", "label");
    TreeSet<String> fields = new TreeSet<>(builtIn.fields());
    fields.addAll(form.fields());
    for (String field : fields) {
      TreeSet<String> codes = new TreeSet<>(builtIn.codes(field));
      codes.addAll(form.codes(field));
      for (String code : codes) {
        String where = form.offers(field, code) && builtIn.offers(field, code) ? "both"
            : form.offers(field, code) ? "form" : "built-in";
        String label = form.label(field, code).orElseGet(() -> builtIn.label(field, code).orElse(""));
        out.printf("%-10s %-8s %-8s %s%n", field, code, where, label);
      }
    }
    if (!form.hasField("codegeo") && fields.stream().noneMatch(f -> f.startsWith("zone-") && form.hasField(f))) {
      out.println("(the form lists no zone codes: zones are not checked)");
    }
  }
}
