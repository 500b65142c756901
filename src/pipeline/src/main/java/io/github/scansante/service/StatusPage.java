package io.github.scansante.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.jsoup.nodes.Entities;

/**
 * The page an operator opens: the run in progress (progress, rate, ETA), the next scheduled run,
 * links to the latest report, manifest and dead letters, the last runs from runs.csv, and a form
 * that starts a run. Plain HTML, no script; it reloads itself while a run is in progress.
 */
public final class StatusPage {

  static final String TITLE = "scansante-pipeline: status";
  /** No script, no outside resource; the form posts to this server only. */
  private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
  private static final String STYLE = """
      body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:80rem;padding:0 1rem;color:#1d2733}
      .scroll{overflow-x:auto}td{white-space:nowrap}
      h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #d5dbe3}
      .notice{background:#eef6ee;border:1px solid #9c9;padding:.5rem .8rem}.busy{background:#fff6e5;border-color:#e0b050}
      progress{width:24rem;height:1.1rem;vertical-align:middle}table{border-collapse:collapse;font-size:13px}
      th,td{border:1px solid #d5dbe3;padding:.25rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}
      th{background:#f2f4f7}form{margin:.8rem 0}button{font-size:15px;padding:.3rem .9rem}code{font-size:13px}
      """;
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  private final RunStatus runs;
  private final NextFire schedule;
  private final OutputFiles files;
  private final HttpTrigger trigger;
  private final ZoneId zone;
  private final int runsShown;
  private final int refreshSeconds;

  public StatusPage(RunStatus runs, NextFire schedule, OutputFiles files, HttpTrigger trigger, ZoneId zone, int runsShown,
      int refreshSeconds) {
    this.runs = runs;
    this.schedule = schedule;
    this.files = files;
    this.trigger = trigger;
    this.zone = zone;
    this.runsShown = runsShown;
    this.refreshSeconds = refreshSeconds;
  }

  /** Route step. */
  public void render(Exchange exchange) {
    Message m = exchange.getMessage();
    String started = m.getHeader(HttpTrigger.STARTED, String.class);
    String busy = m.getHeader(HttpTrigger.BUSY, String.class);
    m.removeHeaders("*");
    m.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
    m.setHeader("Content-Security-Policy", POLICY);
    m.setHeader(HttpReplies.NO_SNIFF, "nosniff");
    m.setHeader("Cache-Control", "no-store");
    m.setBody(html(started, busy));
  }

  String html(String started, String busy) {
    boolean running = runs.running();
    StringBuilder b = new StringBuilder(8192);
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(TITLE)).append("</title>");
    if (running) {
      b.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">");
    }
    b.append("<style>").append(STYLE).append("</style></head><body>\n<h1>").append(esc(TITLE)).append("</h1>\n");
    if (started != null) {
      b.append("<p class=\"notice\" id=\"notice\">Run <b>").append(esc(started)).append("</b> started.</p>\n");
    } else if (busy != null) {
      b.append("<p class=\"notice busy\" id=\"notice\">Run <b>").append(esc(busy))
          .append("</b> is in progress; nothing started.</p>\n");
    }
    current(b, running);
    b.append("<h2>Schedule</h2>\n<p>Next scheduled run: <time id=\"next-fire\">")
        .append(schedule.next().map(t -> esc(WHEN.format(t.atZone(zone)))).orElse("none")).append("</time></p>\n");
    latestFiles(b);
    lastRuns(b);
    b.append("<h2>Service</h2>\n<p><a href=\"/observe/health\">/observe/health</a> · <a href=\"/observe/metrics\">/observe/metrics</a>")
        .append(" · output folder <code>").append(esc(runs.outputDir().toAbsolutePath().toString())).append("</code></p>\n");
    return b.append("</body></html>\n").toString();
  }

  private void current(StringBuilder b, boolean running) {
    b.append("<h2>Current run</h2>\n");
    if (running) {
      b.append("<p>Run <b id=\"current-run\">").append(esc(runs.currentRunId())).append("</b></p>\n<p><progress id=\"progress-bar\" value=\"")
          .append(runs.done()).append("\" max=\"").append(Math.max(1, runs.total())).append("\"></progress> <span id=\"progress\">")
          .append(esc(runs.progressLine())).append("</span></p>\n");
    } else {
      b.append("<p id=\"current-run\">No run in progress.</p>\n");
      if (runs.interrupted()) {
        b.append("<p class=\"notice busy\" id=\"interrupted\">The last run did not complete; the next run resumes it.</p>\n");
      }
    }
    b.append("<form method=\"post\" action=\"").append(HttpTrigger.PATH).append("\">");
    if (trigger.tokenRequired()) {
      b.append("<label>Token <input type=\"password\" name=\"").append(HttpTrigger.TOKEN_FIELD)
          .append("\" autocomplete=\"off\" required></label> ");
    }
    b.append("<button type=\"submit\" id=\"start-run\">Start a run now</button> (one run at a time)</form>\n");
  }

  private void latestFiles(StringBuilder b) {
    b.append("<h2>Latest outputs</h2>\n");
    Map<String, ?> available = files.available();
    if (available.isEmpty()) {
      b.append("<p id=\"files\">None yet.</p>\n");
      return;
    }
    b.append("<ul id=\"files\">");
    available.keySet().forEach(name -> b.append("<li><a href=\"").append(OutputFiles.PATH).append(esc(name)).append("\">")
        .append(esc(name)).append("</a></li>"));
    b.append("</ul>\n");
  }

  private void lastRuns(StringBuilder b) {
    b.append("<h2>Last runs</h2>\n");
    RunStatus.History history = runs.history(runsShown);
    if (history.rows().isEmpty()) {
      b.append("<p id=\"runs\">No completed run yet.</p>\n");
      return;
    }
    b.append("<div class=\"scroll\"><table id=\"runs\"><thead><tr>");
    history.header().forEach(h -> b.append("<th>").append(esc(h.replace('_', ' '))).append("</th>"));
    b.append("</tr></thead><tbody>\n");
    for (List<String> row : history.rows()) {
      b.append("<tr>");
      row.forEach(cell -> b.append("<td>").append(esc(readable(cell))).append("</td>"));
      b.append("</tr>\n");
    }
    b.append("</tbody></table></div>\n");
  }

  /** runs.csv's instants to the second, in the page's time zone; other cells as they are. */
  private String readable(String cell) {
    try {
      return WHEN.format(Instant.parse(cell).atZone(zone));
    } catch (DateTimeParseException notAnInstant) {
      return cell;
    }
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }
}
