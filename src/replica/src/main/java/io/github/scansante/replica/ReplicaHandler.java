package io.github.scansante.replica;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Serves the two endpoints (anything else is 404), logs each request on arrival, then applies the
 * fault it meets, if any.
 */
final class ReplicaHandler implements HttpHandler {

  static final String SESSION_COOKIE = "SESSreplica";
  /** What the site declares for every page. */
  private static final String HTML = "text/html; charset=utf-8";
  /** The JDK server's response lengths meaning "no body" and "chunked, length unknown". */
  private static final long NO_BODY = -1;
  private static final long CHUNKED = 0;
  /** Depth of the nested fault's divs: far beyond what a recursive parser or walker survives. */
  private static final int NESTED_DEPTH = 100_000;

  /** Thrown after a deliberately short body: the JDK server closes the connection of a failed exchange. */
  private static final class TruncatedOnPurpose extends IOException {
    TruncatedOnPurpose() {
      super("response truncated by fault injection");
    }
  }

  private final ReplicaConfig config;
  private final SubmitResolver resolver;
  private final FaultInjector faults;
  private final RequestLog log;
  private final byte[] landing;
  private final byte[] refused = ResultsPageMarkup.refused().getBytes(StandardCharsets.UTF_8);
  private final SecureRandom random = new SecureRandom();

  ReplicaHandler(ReplicaConfig config, SubmitResolver resolver, FaultInjector faults, RequestLog log, String landingPage) {
    this.config = config;
    this.resolver = resolver;
    this.faults = faults;
    this.log = log;
    this.landing = landingPage.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    long nanoTime = System.nanoTime();
    Instant at = Instant.now();
    String path = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
    String method = ex.getRequestMethod();
    boolean cookie = hasSessionCookie(ex.getRequestHeaders());
    FaultSpec.Scope scope = path.equals(config.submitPath()) ? FaultSpec.Scope.SUBMIT
        : path.equals(config.landingPath()) ? FaultSpec.Scope.LANDING : null;
    if (scope == null || !method.equals("GET")) {
      int status = scope == null ? 404 : 405;
      log.record(new RequestLog.Entry(nanoTime, at, method, path, query, status, "", cookie));
      if (status == 405) {
        ex.getResponseHeaders().set("Allow", "GET");
      }
      send(ex, status, message(status == 404 ? "404 Not Found" : "405 Method Not Allowed"));
      return;
    }
    Optional<FaultSpec.Rule> fault = faults.arrive(scope, query);
    log.record(new RequestLog.Entry(nanoTime, at, method, path, query, fault.map(FaultSpec.Rule::status).orElse(200),
        fault.map(FaultSpec.Rule::kind).orElse(""), cookie));
    if (fault.isPresent()) {
      misbehave(ex, fault.get(), scope, query);
    } else {
      send(ex, 200, body(ex, scope, query));
    }
  }

  private void misbehave(HttpExchange ex, FaultSpec.Rule fault, FaultSpec.Scope scope, String query) throws IOException {
    if (FaultSpec.HOSTILE_PAGES.contains(fault.kind())) {
      hostilePage(ex, fault, scope, query);
      return;
    }
    switch (fault.kind()) {
      case "reset" -> ex.close(); // before any header: the JDK server just closes the connection
      case "slow" -> {
        if (sleep(fault.delayMillis())) {
          send(ex, 200, body(ex, scope, query));
        } else {
          ex.close();
        }
      }
      case "truncate" -> {
        byte[] body = body(ex, scope, query);
        ex.getResponseHeaders().set("Content-Type", HTML);
        ex.sendResponseHeaders(200, body.length);
        OutputStream out = ex.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        throw new TruncatedOnPurpose();
      }
      case FaultSpec.TRUNCATE_TABLE -> send(ex, 200, cutMidTable(body(ex, scope, query)));
      case FaultSpec.TRICKLE -> trickle(ex, body(ex, scope, query), fault.delayMillis());
      default -> {
        if (fault.retryAfterSeconds() >= 0) {
          ex.getResponseHeaders().set("Retry-After", Long.toString(fault.retryAfterSeconds()));
        }
        send(ex, fault.status(), message(fault.status() + " (injected fault)"));
      }
    }
  }

  /** The page cut in the middle of its data table, inside a cell; a page without one is cut in half. */
  private static byte[] cutMidTable(byte[] page) {
    String html = new String(page, StandardCharsets.ISO_8859_1); // one char per byte: indexes are byte offsets
    int start = html.lastIndexOf("<tbody");
    int end = html.lastIndexOf("</tbody>");
    int cut = page.length / 2;
    if (start >= 0 && end > start) {
      int cell = html.indexOf("<td", start + (end - start) / 2);
      cut = cell >= 0 && cell < end ? html.indexOf('>', cell) + 1 : start + (end - start) / 2;
    }
    return java.util.Arrays.copyOf(page, cut);
  }

  /** The whole answer, announced with its length, one byte at a time; stops when the client leaves. */
  private static void trickle(HttpExchange ex, byte[] body, long millisPerByte) throws IOException {
    ex.getResponseHeaders().set("Content-Type", HTML);
    ex.sendResponseHeaders(200, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      for (byte b : body) {
        if (!sleep(millisPerByte)) {
          throw new TruncatedOnPurpose();
        }
        out.write(b);
        out.flush();
      }
    }
  }

  /** A 200 answer no client should trust; see {@link FaultSpec} for each kind. */
  private void hostilePage(HttpExchange ex, FaultSpec.Rule fault, FaultSpec.Scope scope, String query) throws IOException {
    switch (fault.kind()) {
      case FaultSpec.GARBAGE -> send(ex, 200, HostilePages.garbage(config.seed(), query));
      case FaultSpec.EMPTY -> {
        ex.getResponseHeaders().set("Content-Type", HTML);
        ex.sendResponseHeaders(200, NO_BODY);
        ex.close();
      }
      case FaultSpec.NOT_HTML -> {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        byte[] json = HostilePages.json();
        ex.sendResponseHeaders(200, json.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(json);
        }
      }
      case FaultSpec.HUGE -> {
        ex.getResponseHeaders().set("Content-Type", HTML);
        ex.sendResponseHeaders(200, CHUNKED);
        try (OutputStream out = ex.getResponseBody()) {
          HugePage.write(out, fault.bytes());
        }
      }
      case FaultSpec.WRONG_CHARSET -> send(ex, 200, HostilePages.latin1(body(ex, scope, query)));
      case FaultSpec.NESTED -> send(ex, 200, reshaped(query, r -> ResultsPageMarkup.nested(r, NESTED_DEPTH)));
      case FaultSpec.EXTRA_COLUMN -> send(ex, 200, reshaped(query, r -> ResultsPageMarkup.results(r, ResultsPageMarkup.RowShape.EXTRA_CELL)));
      case FaultSpec.MISSING_COLUMN -> send(ex, 200, reshaped(query, r -> ResultsPageMarkup.results(r, ResultsPageMarkup.RowShape.MISSING_CELL)));
      case FaultSpec.TWO_TABLES -> send(ex, 200, reshaped(query, ResultsPageMarkup::twoTables));
      case FaultSpec.IGNORE_GROUPING -> send(ex, 200, page(resolver.resolveIgnoringGrouping(QueryParams.parse(query)), ResultsPageMarkup::results));
      default -> throw new IllegalStateException("no page for the fault kind " + fault.kind());
    }
  }

  /** The page for a served request; the landing page also opens a session. */
  private byte[] body(HttpExchange ex, FaultSpec.Scope scope, String query) {
    if (scope == FaultSpec.Scope.LANDING) {
      ex.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + sessionId() + "; Path=/; HttpOnly");
      return landing;
    }
    return reshaped(query, ResultsPageMarkup::results);
  }

  /** The results of a query drawn by {@code render}, or the refusal. */
  private byte[] reshaped(String query, Function<ResultsPageContent, String> render) {
    return page(resolver.resolve(QueryParams.parse(query)), render);
  }

  private byte[] page(Optional<ResultsPageContent> report, Function<ResultsPageContent, String> render) {
    return report.map(r -> render.apply(r).getBytes(StandardCharsets.UTF_8)).orElse(refused);
  }

  private String sessionId() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  private static boolean hasSessionCookie(Headers headers) {
    for (String header : headers.getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        if (pair.strip().startsWith(SESSION_COOKIE + "=")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Sleeps for a slow fault; false if the server is shutting down. */
  private static boolean sleep(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static byte[] message(String text) {
    return PageSkeleton.page(text, "<h1>" + PageSkeleton.text(text) + "</h1>\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", HTML);
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }
}
