package io.github.scansante.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The site: where it is, what its form sends, how we introduce ourselves and how long we wait.
 *
 * @param responseDeadlineMs the longest a whole answer may take, headers and body
 */
public record SiteSettings(String url, String landingPath, String submitPath, List<String> formFields,
    String userAgent, int connectTimeoutMs, int readTimeoutMs, long responseDeadlineMs, boolean discoverForm) {

  static final int MAX_CONNECT_TIMEOUT_MS = 600_000;
  static final int MAX_READ_TIMEOUT_MS = 3_600_000;
  static final long MAX_RESPONSE_DEADLINE_MS = 3_600_000;
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~%/-]{0,200}");
  private static final Pattern FIELDS = Pattern.compile("[A-Za-z0-9_]{1,32}(\\s*,\\s*[A-Za-z0-9_]{1,32}){0,63}");
  // Printable ASCII only: the value becomes an HTTP header.
  private static final Pattern USER_AGENT = Pattern.compile("[\\x20-\\x7E]{1,256}");
  private static final String URL_RULE = "use a base http or https URL such as https://www.scansante.fr (no path, query or user)";

  static SiteSettings read(PropertyValues v) {
    return new SiteSettings(
        baseUrl("site.url", v.text("site.url")),
        v.matching("site.landing-path", PATH, "use a path that starts with /, such as /applications/cartographie-activite-MCO"),
        v.matching("site.submit-path", PATH, "use a path that starts with /, such as /applications/cartographie-activite-MCO/submit"),
        Arrays.stream(v.matching("site.form-fields", FIELDS, "use the form's field names separated by commas").split(","))
            .map(String::strip).toList(),
        v.matching("site.user-agent", USER_AGENT, "use 1 to 256 printable ASCII characters"),
        v.wholeInt("site.connect-timeout-ms", 1, MAX_CONNECT_TIMEOUT_MS, "milliseconds"),
        v.wholeInt("site.read-timeout-ms", 1, MAX_READ_TIMEOUT_MS, "milliseconds"),
        v.whole("site.response-deadline-ms", 1, MAX_RESPONSE_DEADLINE_MS, "milliseconds"),
        v.bool("site.discover-form"));
  }

  /**
   * Checks a site's base URL: http or https, a host, nothing after it but a slash, which is dropped.
   *
   * @param key what the message names: the property or the option the URL came from
   */
  public static String baseUrl(String key, String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
          || !(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new InvalidSettingException(key, url, URL_RULE);
      }
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    } catch (URISyntaxException e) {
      throw new InvalidSettingException(key, url, URL_RULE);
    }
  }

  /**
   * Whether the site is on this machine (a replica or a mirror), judged from the URL alone, without
   * a name lookup: {@code localhost} or a loopback address literal.
   */
  public boolean onLoopback() {
    String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
    if (host.equals("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (host.startsWith("[") || host.matches("[0-9.]+")) {
      try {
        // An address literal: parsed, never looked up.
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
