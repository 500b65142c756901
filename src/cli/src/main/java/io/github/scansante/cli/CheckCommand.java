package io.github.scansante.cli;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.config.PageSettings;
import io.github.scansante.config.Settings;
import io.github.scansante.config.SettingsSource;
import io.github.scansante.config.SiteSettings;
import io.github.scansante.page.MalformedPageException;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.plan.Combination;
import io.github.scansante.site.ContractCheck;
import io.github.scansante.site.SiteQuery;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Preflight: read the site's form and ask for one known combination (France enti\u00e8re, latest year, bpub, all stays), "
        + "two requests spaced by the delay, and say point by point whether the site honours the contract a run relies on. "
        + "Exits 0 when a run can proceed, 4 naming the failing point otherwise.")
class CheckCommand implements Callable<Integer> {

  /** The site does not honour the contract. */
  static final int CONTRACT_BROKEN = ExitCodes.NOTHING_VERIFIABLE;

  @Option(names = "--site", paramLabel = "URL", description = "Site to check (default site.url).")
  String site;

  @Option(names = "--delay", paramLabel = "D", description = "Time between the two requests (default throttle.period-ms: 2s).")
  String delay;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String> overrides = new LinkedHashMap<>();
    if (site != null) {
      overrides.put("site.url", SiteSettings.baseUrl("--site", site));
    }
    Settings settings = RunOptions.settings(overrides);
    SiteSettings siteSettings = settings.site();
    PageSettings page = settings.page();
    String siteUrl = siteSettings.url();
    long delayMs = delay != null ? Durations.toMillis(delay, "--delay") : settings.politeness().periodMs();
    Charset charset = page.charset();
    Catalogue builtIn = Catalogue.builtIn();
    ContractCheck check = new ContractCheck(builtIn, siteSettings.formFields(),
        new PageClassifier(page.echoYearPrefix(), page.echoZonePrefix(), page.echoBasePrefix(), page.echoGroupingPrefix()),
        csv(SettingsSource.standalone(overrides).text("page.expected-columns")));
    Duration timeout = Duration.ofMillis(siteSettings.readTimeoutMs());
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    out.println("Checking " + siteUrl + " against the site contract");
    List<ContractCheck.Point> points = new ArrayList<>();
    String landingUrl = siteUrl + siteSettings.landingPath();
    try {
      byte[] landing = get(client, landingUrl, timeout, siteSettings, page);
      points.addAll(check.checkForm(PageParser.decode(landing, charset), landingUrl));
    } catch (IOException | RuntimeException e) {
      points.add(new ContractCheck.Point(ContractCheck.FORM_FIELDS, false, "landing page " + landingUrl + ": " + e.getMessage()));
    }
    points.forEach(p -> print(out, p));
    Combination probe = check.probe(check.form());
    String submitUrl = siteUrl + siteSettings.submitPath() + "?" + new SiteQuery(siteSettings.formFields()).encode(probe);
    Thread.sleep(delayMs);
    List<ContractCheck.Point> answer;
    try {
      answer = check.checkAnswer(new PageParser().parse(get(client, submitUrl, timeout, siteSettings, page), charset), probe);
    } catch (IOException | MalformedPageException e) {
      answer = List.of(new ContractCheck.Point(ContractCheck.ECHO, false, "answer to " + submitUrl + ": " + e.getMessage()));
    }
    answer.forEach(p -> print(out, p));
    points.addAll(answer);
    List<String> failing = points.stream().filter(p -> !p.holds()).map(ContractCheck.Point::name).toList();
    if (failing.isEmpty()) {
      out.println("A run can proceed.");
      return 0;
    }
    System.err.println("scansante: check failed: " + String.join(", ", failing));
    return CONTRACT_BROKEN;
  }

  private static void print(PrintStream out, ContractCheck.Point p) {
    out.printf("  %-5s %s: %s%n", p.holds() ? "ok" : "FAIL", p.name(), p.detail());
  }

  private static byte[] get(HttpClient client, String url, Duration timeout, SiteSettings site, PageSettings page)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
        .header("User-Agent", site.userAgent()).GET().build();
    HttpResponse<byte[]> response = PlanCommand.boundedAnswer(client, request, url, page.maxBytes(), site.responseDeadlineMs());
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode());
    }
    if (!type.toLowerCase(Locale.ROOT).contains("html")) {
      throw new IOException("content type '" + type + "' is not HTML");
    }
    return response.body();
  }

  private static List<String> csv(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
