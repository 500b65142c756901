package io.github.scansante.service;

import io.github.scansante.ops.RunRoutes;
import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunInProgressException;
import io.github.scansante.run.Run;
import io.github.scansante.run.Trigger;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status page's run form (POST): starts the configured plan now, with the same one-run-at-a-time
 * guard as the JMX operation. Refused when the token is required and wrong, when the form comes
 * from another site's page (Origin), or, on a loopback server, when the Host is not a loopback
 * name (a DNS-rebinding page).
 */
public final class HttpTrigger {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTrigger.class);
  /** Form field of the token. */
  static final String TOKEN_FIELD = "token";
  static final String PATH = "/run";
  /** Query parameters the page reads back after the redirect. */
  static final String STARTED = "started";
  static final String BUSY = "busy";
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

  private final RunCoordinator coordinator;
  private final ProducerTemplate template;
  private final Optional<String> token;
  private final boolean loopback;

  public HttpTrigger(RunCoordinator coordinator, ProducerTemplate template, Optional<String> token, boolean loopback) {
    this.coordinator = coordinator;
    this.template = template;
    this.token = token;
    this.loopback = loopback;
  }

  public boolean tokenRequired() {
    return token.isPresent();
  }

  /** Route step. */
  public void trigger(Exchange exchange) {
    Message m = exchange.getMessage();
    String given = m.getHeader(TOKEN_FIELD, String.class);
    String origin = m.getHeader("Origin", String.class);
    String host = authority(m.getHeader(Exchange.HTTP_URL, String.class));
    m.removeHeaders("*");
    Optional<String> refusal = refusal(given, origin, host);
    if (refusal.isPresent()) {
      LOG.warn("Run form refused: {}", refusal.get());
      HttpReplies.text(m, HttpReplies.FORBIDDEN, refusal.get() + "\n");
      return;
    }
    try {
      Run run = coordinator.begin(Trigger.HTTP);
      template.asyncSendBody(RunRoutes.PASS, run);
      HttpReplies.seeOther(m, "/?" + STARTED + "=" + encode(run.id()));
    } catch (RunInProgressException busy) {
      HttpReplies.seeOther(m, "/?" + BUSY + "=" + encode(coordinator.currentRunId()));
    }
  }

  Optional<String> refusal(String given, String origin, String host) {
    if (token.isPresent() && (given == null || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
        given.strip().getBytes(StandardCharsets.UTF_8)))) {
      return Optional.of("wrong or missing token");
    }
    if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
      return Optional.of("form sent from another origin");
    }
    if (loopback && (host == null || !LOOPBACK_NAMES.contains(hostName(host)))) {
      return Optional.of("Host is not a loopback name");
    }
    return Optional.empty();
  }

  /** host:port the request was sent to: its Host header in HTTP/1.1, its :authority in HTTP/2. */
  private static String authority(String url) {
    try {
      return url == null ? null : URI.create(url).getRawAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String hostName(String host) {
    int colon = host.lastIndexOf(':');
    String name = colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    return name.toLowerCase(Locale.ROOT);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
