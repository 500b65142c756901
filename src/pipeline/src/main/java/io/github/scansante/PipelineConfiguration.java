package io.github.scansante;

import com.zaxxer.hikari.HikariDataSource;
import io.github.scansante.catalogue.Catalogue;
import io.github.scansante.database.DatabaseFailures;
import io.github.scansante.database.DatabaseTransaction;
import io.github.scansante.database.DuckDbStore;
import io.github.scansante.database.PostgresConnection;
import io.github.scansante.database.PostgresLoad;
import io.github.scansante.output.CsvDialect;
import io.github.scansante.output.CsvTable;
import io.github.scansante.output.DataFiles;
import io.github.scansante.output.OutputLayout;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.PageParser;
import io.github.scansante.plan.Planner;
import io.github.scansante.plan.YearRange;
import io.github.scansante.report.AnalystOutputs;
import io.github.scansante.run.DiagnosisFolder;
import io.github.scansante.run.FutileRequests;
import io.github.scansante.run.OutcomeRecorder;
import io.github.scansante.run.PageVerifier;
import io.github.scansante.run.Progress;
import io.github.scansante.run.RefreshPolicy;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunJournal;
import io.github.scansante.run.SessionCookies;
import io.github.scansante.run.StopOnContextStop;
import io.github.scansante.run.Verdicts;
import io.github.scansante.run.VerificationWatch;
import io.github.scansante.service.ServiceMeters;
import io.github.scansante.site.BodyCap;
import io.github.scansante.site.CircuitBreaker;
import io.github.scansante.site.FormDiscovery;
import io.github.scansante.site.LandingPage;
import io.github.scansante.site.ResponseDeadline;
import io.github.scansante.site.ResponseReader;
import io.github.scansante.site.RetryPolicy;
import io.github.scansante.site.RequestInFlight;
import io.github.scansante.site.RequestSpacing;
import io.github.scansante.site.SiteCircuit;
import io.github.scansante.site.SiteQuery;
import io.github.scansante.site.SiteRequests;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.hc.client5.http.cookie.CookieStore;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Builds the beans the routes name from application.properties, in dependency order, and tunes
 * camel-http for a polite client.
 */
public class PipelineConfiguration implements CamelConfiguration {

  private static final String[] HTTP_SCHEMES = {"http", "https"};

  @PropertyInject("site.url") private String siteUrl;
  @PropertyInject("site.landing-path") private String landingPath;
  @PropertyInject("site.submit-path") private String submitPath;
  @PropertyInject("site.form-fields") private String formFields;
  @PropertyInject("site.user-agent") private String userAgent;
  @PropertyInject("site.connect-timeout-ms") private int connectTimeoutMs;
  @PropertyInject("site.read-timeout-ms") private int readTimeoutMs;
  @PropertyInject("site.response-deadline-ms") private long responseDeadlineMs;
  @PropertyInject("retry.retry-after-cap-ms") private long retryAfterCapMs;
  @PropertyInject("throttle.period-ms") private long throttlePeriodMs;
  @PropertyInject("throttle.disabled") private boolean throttleDisabled;
  @PropertyInject("circuit.failure-threshold") private int circuitThreshold;
  @PropertyInject("circuit.initial-pause-ms") private long circuitInitialPauseMs;
  @PropertyInject("circuit.max-pause-ms") private long circuitMaxPauseMs;
  @PropertyInject("circuit.give-up-attempts") private int circuitGiveUpAttempts;
  @PropertyInject("circuit.give-up-after-ms") private long circuitGiveUpAfterMs;
  @PropertyInject("run.stop-grace-ms") private long stopGraceMs;
  @PropertyInject("page.max-bytes") private int pageMaxBytes;
  @PropertyInject("page.charset") private String pageCharset;
  @PropertyInject("page.echo.year-prefix") private String echoYear;
  @PropertyInject("page.echo.zone-prefix") private String echoZone;
  @PropertyInject("page.echo.base-prefix") private String echoBase;
  @PropertyInject("page.echo.grouping-prefix") private String echoGrouping;
  @PropertyInject("plan.name") private String planName;
  @PropertyInject(value = "plan.years", defaultValue = "") private String planYears;
  @PropertyInject("plan.limit") private long planLimit;
  @PropertyInject("output.dir") private String outputDir;
  @PropertyInject("output.refresh") private String cliRefresh;
  @PropertyInject("schedule.refresh") private String scheduledRefresh;
  @PropertyInject("progress.interval-ms") private long progressIntervalMs;
  @PropertyInject(value = "output.csv-dialect", defaultValue = "standard") private String csvDialect;
  @PropertyInject("database.duckdb.memory-limit") private String duckDbMemoryLimit;
  @PropertyInject(value = "database.url", defaultValue = "") private String databaseUrl;
  @PropertyInject(value = "database.password-file", defaultValue = "") private String databasePasswordFile;
  @PropertyInject("database.pool-size") private int databasePoolSize;
  @PropertyInject("database.connect-timeout-ms") private long databaseConnectTimeoutMs;
  @PropertyInject("database.batch-size") private int databaseBatchSize;
  @PropertyInject("verify.stop-after-unverified") private int stopAfterUnverified;
  @PropertyInject("skip.after-in-a-row") private int skipAfterInARow;
  @PropertyInject("diagnosis.max-pages") private int diagnosisMaxPages;

  @Override
  public void configure(CamelContext context) {
    Registry registry = context.getRegistry();
    Clock clock = Clock.systemUTC();
    Catalogue builtIn = Catalogue.builtIn();
    Path output = Path.of(outputDir);
    SiteRequests siteRequests = new SiteRequests(siteUrl, landingPath, submitPath,
        new SiteQuery(Arrays.stream(formFields.split(",")).map(String::strip).toList()));
    PageClassifier pageClassifier = new PageClassifier(echoYear, echoZone, echoBase, echoGrouping);
    ResponseReader responseReader = new ResponseReader(new PageParser(), pageMaxBytes, Charset.forName(pageCharset));
    // The manifest rows reach the run's progress through the run itself, and the process's meters here.
    ServiceMeters meters = ServiceMeters.bindTo(context);
    RunJournal runJournal = new RunJournal(output, meters::combinationFinished);
    RefreshPolicy refreshPolicy = new RefreshPolicy(runJournal);
    SiteCircuit.Settings circuit = new SiteCircuit.Settings(circuitThreshold, circuitInitialPauseMs, circuitMaxPauseMs,
        circuitGiveUpAttempts, Duration.ofMillis(circuitGiveUpAfterMs));
    RunCoordinator.Settings settings = new RunCoordinator.Settings(siteUrl, planName, YearRange.parse(planYears), planLimit,
        output, RefreshPolicy.parseMode(cliRefresh), RefreshPolicy.parseMode(scheduledRefresh), circuit);
    RunCoordinator runCoordinator = new RunCoordinator(settings, new Planner(builtIn), builtIn, runJournal, refreshPolicy,
        () -> new Progress(clock, System.console() != null, System.out, progressIntervalMs), clock);
    RequestSpacing requestSpacing = new RequestSpacing(throttleDisabled ? 0 : throttlePeriodMs, Thread::sleep);
    RequestInFlight requestInFlight = new RequestInFlight();
    configureHttp(context, new SessionCookies(runCoordinator::sessionCookies), requestSpacing, requestInFlight);
    context.getManagementStrategy().addEventNotifier(new StopOnContextStop(runCoordinator, stopGraceMs, requestInFlight::abandon));
    configureDatabases(context);

    // The run's exchange is left as it was by steps run on a copy of it (the landing page).
    registry.bind("keepRunExchange", AggregationStrategies.useOriginal());
    registry.bind("siteRequests", siteRequests);
    registry.bind("circuitBreaker", new CircuitBreaker());
    registry.bind("serviceMeters", meters);
    registry.bind("requestSpacing", requestSpacing);
    registry.bind("retryPolicy", new RetryPolicy(retryAfterCapMs, clock));
    registry.bind("responseReader", responseReader);
    registry.bind("landingPage", new LandingPage(responseReader, new FormDiscovery(), siteRequests.landingUrl()));
    registry.bind("pageVerifier", new PageVerifier(pageClassifier));
    registry.bind("verdicts", new Verdicts());
    registry.bind("csvTable", new CsvTable());
    registry.bind("dataFiles", new DataFiles(output, OutputLayout.standard()));
    registry.bind("outcomeRecorder", new OutcomeRecorder(pageClassifier, clock));
    registry.bind("refreshPolicy", refreshPolicy);
    registry.bind("runJournal", runJournal);
    CsvDialect dialect = CsvDialect.parse(csvDialect);
    context.getPropertiesComponent().addInitialProperty("output.csv-delimiter", String.valueOf(dialect.delimiter()));
    registry.bind("analystOutputs", new AnalystOutputs(builtIn, dialect));
    DiagnosisFolder diagnosisFolder = new DiagnosisFolder(diagnosisMaxPages);
    registry.bind("diagnosisFolder", diagnosisFolder);
    registry.bind("verificationWatch", new VerificationWatch(stopAfterUnverified, diagnosisFolder));
    registry.bind("futileRequests", new FutileRequests(skipAfterInARow));
    registry.bind("runCoordinator", runCoordinator);
  }

  /** DuckDB in the output folder always; PostgreSQL through camel-sql when database.url is set. */
  private void configureDatabases(CamelContext context) {
    Registry registry = context.getRegistry();
    registry.bind("duckDbStore", new DuckDbStore(duckDbMemoryLimit));
    registry.bind("databaseFailures", new DatabaseFailures());
    HikariDataSource postgres = PostgresConnection.dataSource(databaseUrl, databasePasswordFile, System.getenv(),
        databasePoolSize, databaseConnectTimeoutMs);
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
    registry.bind("postgresLoad", new PostgresLoad(postgres, databaseBatchSize));
    context.getPropertiesComponent().addInitialProperty("database.name", PostgresConnection.redact(databaseUrl));
    PostgresLoad.statements().forEach(context.getPropertiesComponent()::addInitialProperty);
  }

  private void configureHttp(CamelContext context, CookieStore sessionCookies, RequestSpacing spacing,
      RequestInFlight inFlight) {
    for (String scheme : HTTP_SCHEMES) {
      HttpComponent http = context.getComponent(scheme, HttpComponent.class);
      http.setConnectTimeout(connectTimeoutMs);
      http.setSoTimeout(readTimeoutMs);
      http.setResponseTimeout(readTimeoutMs);
      http.setConnectionRequestTimeout(connectTimeoutMs);
      http.setUserAgent(userAgent);
      // One session per run: the landing page's cookie is replayed on every submit.
      http.setCookieStore(sessionCookies);
      // HttpClient would otherwise wait out any Retry-After silently; our retry policy caps it.
      http.setAutomaticRetriesDisabled(true);
      http.setFollowRedirects(false);
      http.setHttpClientConfigurer(client -> client
          // Told when each request's head is written, just before it is flushed: when it really leaves.
          .setRequestExecutor(new HttpRequestExecutor(Http1Config.DEFAULT, null, spacing))
          // Outermost, so that it counts the body as camel-http reads it, decompressed.
          .addExecInterceptorFirst("body-cap", new BodyCap(pageMaxBytes))
          // So that a run told to stop can drop a request that would hang until its time-out.
          .addExecInterceptorLast("request-in-flight", inFlight)
          // Outermost of all: its deadline covers the whole answer, whatever fails inside.
          .addExecInterceptorFirst("response-deadline", new ResponseDeadline(responseDeadlineMs)));
    }
  }
}
