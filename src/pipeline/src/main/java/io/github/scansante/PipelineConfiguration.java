package io.github.scansante;

import com.zaxxer.hikari.HikariDataSource;
import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.config.CircuitSettings;
import io.github.scansante.config.DatabaseSettings;
import io.github.scansante.config.EconomySettings;
import io.github.scansante.config.PageSettings;
import io.github.scansante.config.PlanSettings;
import io.github.scansante.config.PropertyValues;
import io.github.scansante.config.RetrySettings;
import io.github.scansante.config.Settings;
import io.github.scansante.config.SettingsSource;
import io.github.scansante.config.SiteSettings;
import io.github.scansante.database.DatabaseFailures;
import io.github.scansante.database.DatabaseTransaction;
import io.github.scansante.database.DuckDbStore;
import io.github.scansante.database.PostgresConnection;
import io.github.scansante.database.PostgresLoad;
import io.github.scansante.economy.ZoneTables;
import io.github.scansante.output.CsvDialect;
import io.github.scansante.output.CsvTable;
import io.github.scansante.output.DataFiles;
import io.github.scansante.output.OutputLayout;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.PageParser;
import io.github.scansante.plan.Planner;
import io.github.scansante.report.AnalystOutputs;
import io.github.scansante.run.DiagnosisFolder;
import io.github.scansante.run.FutileRequests;
import io.github.scansante.run.OutcomeRecorder;
import io.github.scansante.run.PageVerifier;
import io.github.scansante.run.Progress;
import io.github.scansante.run.RefreshPolicy;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunStore;
import io.github.scansante.run.SessionCookies;
import io.github.scansante.run.StopOnContextStop;
import io.github.scansante.run.Verdicts;
import io.github.scansante.run.VerificationWatch;
import io.github.scansante.service.ServiceMeters;
import io.github.scansante.site.BodyCap;
import io.github.scansante.site.CircuitBreaker;
import io.github.scansante.site.FormDiscovery;
import io.github.scansante.site.LandingPage;
import io.github.scansante.site.RequestHeaders;
import io.github.scansante.site.RequestInFlight;
import io.github.scansante.site.RequestSpacing;
import io.github.scansante.site.ResponseDeadline;
import io.github.scansante.site.ResponseReader;
import io.github.scansante.site.RetryPolicy;
import io.github.scansante.site.SiteQuery;
import io.github.scansante.site.SiteRequests;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Builds the beans the routes name from the typed {@link Settings} (bound from Camel's properties
 * and checked), in dependency order, and tunes camel-http for a polite client.
 */
public class PipelineConfiguration implements CamelConfiguration {

  private static final String[] HTTP_SCHEMES = {"http", "https"};

  @Override
  public void configure(CamelContext context) {
    PropertyValues values = SettingsSource.of(context);
    Settings settings = Settings.read(values);
    settings.checkPoliteness();
    SiteSettings site = settings.site();
    RetrySettings retry = settings.retry();
    CircuitSettings circuit = settings.circuit();
    PageSettings page = settings.page();
    PlanSettings plan = settings.plan();
    Registry registry = context.getRegistry();
    Clock clock = Clock.systemUTC();
    Catalogue builtIn = Catalogue.builtIn();
    Path output = Path.of(settings.output().dir());
    SiteRequests siteRequests = new SiteRequests(site.url(), site.landingPath(), site.submitPath(),
        new SiteQuery(site.formFields()));
    PageClassifier pageClassifier = new PageClassifier(page.echoYearPrefix(), page.echoZonePrefix(), page.echoBasePrefix(),
        page.echoGroupingPrefix());
    ResponseReader responseReader = new ResponseReader(new PageParser(), page.maxBytes(), page.charset());
    // The manifest rows reach the run's progress through the run itself, and the meters from here.
    ServiceMeters meters = ServiceMeters.bindTo(context);
    RunStore runStore = new RunStore(output);
    RefreshPolicy refreshPolicy = new RefreshPolicy(runStore);
    RunCoordinator.Runs runs = new RunCoordinator.Runs(site.url(), plan.name(), plan.years(), plan.limit(), output,
        settings.output().refresh(), settings.schedule().refresh(), circuit.forRuns(), settings.economy().derive());
    long progressIntervalMs = settings.output().progressIntervalMs();
    RunCoordinator runCoordinator = new RunCoordinator(runs, new Planner(builtIn), builtIn, runStore, refreshPolicy,
        () -> new Progress(clock, System.console() != null, System.out, progressIntervalMs), clock,
        settings.output().restart(), meters::combinationFinished);
    RequestSpacing requestSpacing = new RequestSpacing(settings.politeness().effectivePeriodMs(), Thread::sleep);
    RequestInFlight requestInFlight = new RequestInFlight();
    configureHttp(context, site, page, new SessionCookies(runCoordinator::sessionCookies), requestSpacing, requestInFlight);
    context.getManagementStrategy().addEventNotifier(
        new StopOnContextStop(runCoordinator, settings.stop().graceMs(), requestInFlight::abandon));
    configureDatabases(context, settings.database());

    registry.bind("settings", settings);
    // The run's exchange is left as it was by steps run on a copy of it (the landing page).
    registry.bind("keepRunExchange", AggregationStrategies.useOriginal());
    registry.bind("siteRequests", siteRequests);
    registry.bind("circuitBreaker", new CircuitBreaker());
    registry.bind("requestHeaders", new RequestHeaders());
    registry.bind("serviceMeters", meters);
    registry.bind("requestSpacing", requestSpacing);
    registry.bind("retryPolicy", new RetryPolicy(retry.retryAfterCapMs(), clock));
    registry.bind("responseReader", responseReader);
    registry.bind("landingPage", new LandingPage(responseReader, new FormDiscovery(), siteRequests.landingUrl()));
    registry.bind("pageVerifier", new PageVerifier(pageClassifier));
    registry.bind("verdicts", new Verdicts());
    registry.bind("csvTable", new CsvTable());
    registry.bind("dataFiles", new DataFiles(output, OutputLayout.standard()));
    registry.bind("outcomeRecorder", new OutcomeRecorder(pageClassifier, clock));
    registry.bind("refreshPolicy", refreshPolicy);
    CsvDialect dialect = settings.output().csvDialect();
    context.getPropertiesComponent().addInitialProperty("output.csv-delimiter", String.valueOf(dialect.delimiter()));
    registry.bind("analystOutputs", new AnalystOutputs(builtIn, dialect));
    DiagnosisFolder diagnosisFolder = new DiagnosisFolder(values.wholeInt("diagnosis.max-pages", 0, 10_000, "pages"));
    registry.bind("diagnosisFolder", diagnosisFolder);
    registry.bind("verificationWatch", new VerificationWatch(
        values.wholeInt("verify.stop-after-unverified", 0, 10_000, "pages"), diagnosisFolder));
    registry.bind("futileRequests", new FutileRequests(values.wholeInt("skip.after-in-a-row", 0, 10_000, "answers")));
    registry.bind("runCoordinator", runCoordinator);
    EconomySettings economy = settings.economy();
    registry.bind("zoneTables", new ZoneTables(economy.derive(), economy.samples(), economy.prune(), builtIn));
  }

  /** DuckDB in the output folder always; PostgreSQL through camel-sql when database.url is set. */
  private static void configureDatabases(CamelContext context, DatabaseSettings database) {
    Registry registry = context.getRegistry();
    registry.bind("duckDbStore", new DuckDbStore(database.duckDbMemoryLimit()));
    registry.bind("databaseFailures", new DatabaseFailures());
    HikariDataSource postgres = PostgresConnection.dataSource(database.url(), database.passwordFile(), System.getenv(),
        database.poolSize(), database.connectTimeoutMs());
    registry.bind("postgresDataSource", postgres);
    try {
      context.addService(new ServiceSupport() {
        @Override
        protected void doStop() {
          postgres.close(); // the pool's connections and threads end with the context
        }
      }, true);
    } catch (Exception e) {
      throw new IllegalStateException("cannot register the database pool", e);
    }
    registry.bind("postgresTransaction", new DatabaseTransaction(new DataSourceTransactionManager(postgres)));
    registry.bind("postgresLoad", new PostgresLoad(postgres, database.batchSize()));
    context.getPropertiesComponent().addInitialProperty("database.name", PostgresConnection.redact(database.url()));
    PostgresLoad.statements().forEach(context.getPropertiesComponent()::addInitialProperty);
  }

  private static void configureHttp(CamelContext context, SiteSettings site, PageSettings page, CookieStore sessionCookies,
      RequestSpacing spacing, RequestInFlight inFlight) {
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
          // Told when each request's head is written, just before it is flushed: when it really leaves.
          .setRequestExecutor(new HttpRequestExecutor(Http1Config.DEFAULT, null, spacing))
          // Outermost, so that it counts the body as camel-http reads it, decompressed.
          .addExecInterceptorFirst("body-cap", new BodyCap(page.maxBytes()))
          // So that a run told to stop can drop a request that would hang until its time-out.
          .addExecInterceptorLast("request-in-flight", inFlight)
          // Outermost of all: its deadline covers the whole answer, whatever fails inside.
          .addExecInterceptorFirst("response-deadline", new ResponseDeadline(site.responseDeadlineMs())));
    }
  }
}
