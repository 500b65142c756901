package io.github.scansante.replica;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the ScanSanté "cartographie-activite-MCO" application on 127.0.0.1: the landing
 * page with its filter form, and the results endpoint answering pages in the site's markup from a
 * synthetic dataset, with the site's refusals and its silent ignoring of unrecognised groupings,
 * plus configurable faults. Built on the JDK's {@link HttpServer}.
 *
 * <pre>{@code
 * try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("503:every=5").build())) {
 *   URI landing = replica.landingUri();
 *   ...
 * }
 * }</pre>
 */
public final class ReplicaServer implements AutoCloseable {

  static {
    // The JDK server writes headers and body in separate segments; with Nagle's algorithm on, the
    // client's delayed ACK adds ~40 ms to every answer. Read once per JVM, so only set if unset.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ReplicaConfig config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final RequestLog requestLog;
  private final SyntheticDataset dataset;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();

  private ReplicaServer(ReplicaConfig config) throws IOException {
    this.config = config;
    SiteFilterTree catalogue = SiteFilterTree.builtIn();
    this.dataset = new SyntheticDataset(config.seed(), catalogue, config.newestYearMonths());
    this.requestLog = new RequestLog(config.submitPath(), config.requestLogFile());
    SubmitResolver resolver = new SubmitResolver(catalogue, dataset, config.newestYearUpdate(), config.newestPeriod(),
        config.echoRename(), config.zoneAnswers());
    String landing = FormPageMarkup.render(catalogue, SyntheticDataset.BASES, config.submitPath(), config.formMarkup());
    ReplicaHandler handler = new ReplicaHandler(config, resolver, new FaultInjector(config.faults(), config.seed()),
        requestLog, landing);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), config.port()), 0);
    server.createContext("/", handler);
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(config.threads(), r -> {
      Thread t = new Thread(r, "replica-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
  }

  /**
   * Builds the dataset and starts serving.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static ReplicaServer start(ReplicaConfig config) {
    try {
      ReplicaServer replica = new ReplicaServer(config);
      replica.server.start();
      return replica;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the replica on 127.0.0.1:" + config.port(), e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** E.g. {@code http://127.0.0.1:43210}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public URI landingUri() {
    return baseUri().resolve(config.landingPath());
  }

  /** The results URI for a raw (already encoded) query string. */
  public URI submitUri(String rawQuery) {
    return URI.create(baseUri() + config.submitPath() + "?" + rawQuery);
  }

  public RequestLog requestLog() {
    return requestLog;
  }

  /** The data behind the pages, for tests that check figures against the truth. */
  public SyntheticDataset dataset() {
    return dataset;
  }

  public ReplicaConfig config() {
    return config;
  }

  /** Blocks until {@link #close()} is called, e.g. from a shutdown hook: for a "serve until stopped" command. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops at once: requests in progress (a slow answer, say) are cut off. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      requestLog.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the request log file", e);
    } finally {
      closed.countDown();
    }
  }
}
