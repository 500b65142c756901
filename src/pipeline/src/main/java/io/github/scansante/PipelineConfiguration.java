package io.github.scansante;

import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.config.CircuitSettings;
import io.github.scansante.config.PageSettings;
import io.github.scansante.config.PlanSettings;
import io.github.scansante.config.RetrySettings;
import io.github.scansante.config.Settings;
import io.github.scansante.config.SettingsSource;
import io.github.scansante.config.SiteSettings;
import io.github.scansante.output.CsvTable;
import io.github.scansante.output.OutputLayout;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.PageParser;
import io.github.scansante.plan.Planner;
import io.github.scansante.report.AnalystOutputs;
import io.github.scansante.run.OutcomeRecorder;
import io.github.scansante.run.PageVerifier;
import io.github.scansante.run.Progress;
import io.github.scansante.run.RefreshPolicy;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunJournal;
import io.github.scansante.run.Verdicts;
import io.github.scansante.site.BodyCap;
import io.github.scansante.site.FormDiscovery;
import io.github.scansante.site.LandingPage;
import io.github.scansante.site.ResponseReader;
import io.github.scansante.site.RetryPolicy;
import io.github.scansante.site.SiteCatalogue;
import io.github.scansante.site.RequestSpacing;
import io.github.scansante.site.SiteCircuit;
import io.github.scansante.site.SiteQuery;
import io.github.scansante.site.SiteRequests;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Registry;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.ChainElement;

/**
 * Builds the beans the routes name from the typed {@link Settings} (bound from Camel's properties
 * and checked), in dependency order, and tunes camel-http for a polite client.
 */
public class PipelineConfiguration implements CamelConfiguration {

  private static final String[] HTTP_SCHEMES = {"http", "https"};

  @Override
  public void configure(CamelContext context) {
    Settings settings = Settings.read(SettingsSource.of(context));
    settings.checkPoliteness();
    SiteSettings site = settings.site();
    RetrySettings retry = settings.retry();
    CircuitSettings circuit = settings.circuit();
    PageSettings page = settings.page();
    PlanSettings plan = settings.plan();
    Registry registry = context.getRegistry();
    Clock clock = Clock.systemUTC();
    BasicCookieStore sessionCookies = new BasicCookieStore();
    RequestSpacing requestSpacing = new RequestSpacing(settings.politeness().effectivePeriodMs(), Thread::sleep);
    configureHttp(context, site, page, sessionCookies, requestSpacing);

    SiteCatalogue siteCatalogue = new SiteCatalogue(Catalogue.builtIn());
    Planner planner = new Planner(siteCatalogue.builtIn());
    SiteQuery siteQuery = new SiteQuery(site.formFields());
    SiteCircuit siteCircuit = new SiteCircuit(circuit.failureThreshold(), circuit.initialPauseMs(), circuit.maxPauseMs(), Thread::sleep);
    PageParser pageParser = new PageParser();
    PageClassifier pageClassifier = new PageClassifier(page.echoYearPrefix(), page.echoZonePrefix(), page.echoBasePrefix(),
        page.echoGroupingPrefix());
    ResponseReader responseReader = new ResponseReader(pageParser, page.maxBytes(), page.charset());
    Progress progress = new Progress(clock, System.console() != null, System.out, settings.output().progressIntervalMs());
    RunJournal runJournal = new RunJournal(Path.of(settings.output().dir()), progress);
    RefreshPolicy refreshPolicy = new RefreshPolicy(runJournal);
    RunCoordinator.Settings runSettings = new RunCoordinator.Settings(plan.name(), plan.years(), plan.limit(),
        settings.output().refresh(), settings.schedule().refresh());

    registry.bind("settings", settings);
    // The run's exchange is left as it was by steps run on a copy of it (the landing page).
    registry.bind("keepRunExchange", AggregationStrategies.useOriginal());
    registry.bind("siteCatalogue", siteCatalogue);
    registry.bind("siteRequests", new SiteRequests(site.url(), site.landingPath(), site.submitPath(), siteQuery));
    registry.bind("siteCircuit", siteCircuit);
    registry.bind("requestSpacing", requestSpacing);
    registry.bind("retryPolicy", new RetryPolicy(retry.maxRetries(), retry.initialDelayMs(), retry.multiplier(),
        retry.maxDelayMs(), retry.retryAfterCapMs(), siteCircuit, clock));
    registry.bind("responseReader", responseReader);
    registry.bind("landingPage", new LandingPage(responseReader, new FormDiscovery(), siteCatalogue));
    registry.bind("pageVerifier", new PageVerifier(pageClassifier, siteCatalogue));
    registry.bind("verdicts", new Verdicts(siteCatalogue));
    registry.bind("outputLayout", OutputLayout.standard());
    registry.bind("csvTable", new CsvTable());
    registry.bind("runJournal", runJournal);
    registry.bind("outcomeRecorder", new OutcomeRecorder(runJournal, pageClassifier, clock));
    registry.bind("refreshPolicy", refreshPolicy);
    registry.bind("analystOutputs", new AnalystOutputs(siteCatalogue.builtIn()));
    registry.bind("runCoordinator", new RunCoordinator(runSettings, planner, siteCatalogue, runJournal, refreshPolicy,
        progress, sessionCookies, clock));
  }

  private static void configureHttp(CamelContext context, SiteSettings site, PageSettings page,
      BasicCookieStore sessionCookies, RequestSpacing spacing) {
    for (String scheme : HTTP_SCHEMES) {
      HttpComponent http = context.getComponent(scheme, HttpComponent.class);
      http.setConnectTimeout(site.connectTimeoutMs());
      http.setSoTimeout(site.readTimeoutMs());
      http.setResponseTimeout(site.readTimeoutMs());
      http.setConnectionRequestTimeout(site.connectTimeoutMs());
      http.setUserAgent(site.userAgent());
      // One session per run: the landing page's cookie is replayed on every submit.
      http.setCookieStore(sessionCookies);
      // HttpClient would otherwise wait out any Retry-After silently; our retry policy caps it.
      http.setAutomaticRetriesDisabled(true);
      http.setFollowRedirects(false);
      http.setHttpClientConfigurer(client -> client
          // After the connection is made, just before the request is written: when it really leaves.
          .addExecInterceptorAfter(ChainElement.CONNECT.name(), "request-spacing", (request, scope, chain) -> {
            spacing.sent();
            return chain.proceed(request, scope);
          })
          // Outermost, so that it counts the body as camel-http reads it, decompressed.
          .addExecInterceptorFirst("body-cap", new BodyCap(page.maxBytes())));
    }
  }
}
