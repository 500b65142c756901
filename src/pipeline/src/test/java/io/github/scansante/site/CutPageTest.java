package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.PipelineRunTestSupport;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.output.DataFiles;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.TruncatedPageException;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.replica.RequestLog;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A page cut short with a Content-Length that matches what was sent (the replica's truncate-table)
 * is a transport fault: asked again through the same spacing, and malformed only when every
 * attempt is cut.
 */
class CutPageTest {

  private static Map<String, List<RequestLog.Entry>> byQuery(ReplicaServer replica) {
    return replica.requestLog().submitEntries().stream().collect(Collectors.groupingBy(RequestLog.Entry::rawQuery));
  }

  @Nested
  class CutOnce extends PipelineRunTestSupport {

    CutOnce() {
      super(PolitenessTest.warmReplica(ReplicaConfig.builder().faults("truncate-table:every=1").build()));
    }

    @Override
    protected void settings(Properties p) {
      p.setProperty("throttle.disabled", "false");
      p.setProperty("throttle.period-ms", "250");
      p.setProperty("plan.limit", "3");
    }

    @Test
    void a_page_cut_on_its_first_attempt_only_is_asked_again_and_written() throws Exception {
      run();
      for (List<RequestLog.Entry> attempts : byQuery(replica).values()) {
        if (attempts.get(0).rawQuery().equals("annee=2024")) {
          continue; // the warm-up
        }
        assertEquals(List.of("truncate-table", ""), attempts.stream().map(RequestLog.Entry::fault).toList());
      }
      List<ManifestRow> rows = manifest();
      assertEquals(3, rows.size());
      for (ManifestRow row : rows) {
        assertEquals(Outcome.DATA, row.outcome(), row.reason());
        assertEquals(2, row.attempts());
        assertEquals(row.sha256(), DataFiles.sha256(out.resolve(row.file())));
        ResultPage whole = cleanPage(row.url());
        assertEquals(whole.establishments().size() + 1, Files.readAllLines(out.resolve(row.file())).size(),
            "the whole table, header included");
      }
      // A retry keeps the spacing.
      PolitenessTest.assertSpaced(250, spacing(), PolitenessTest.pipelineRequests(replica));
    }
  }

  @Nested
  class CutEveryTime extends PipelineRunTestSupport {

    CutEveryTime() {
      super(ReplicaConfig.builder().faults("truncate-table:every=1:attempts=99").build());
    }

    @Override
    protected void settings(Properties p) {
      p.setProperty("plan.limit", "2");
      p.setProperty("retry.max-retries", "2");
    }

    @Test
    void a_page_cut_on_every_attempt_is_malformed_after_the_retry_budget() {
      run();
      byQuery(replica).values().forEach(attempts -> assertEquals(3, attempts.size(), "1 attempt + 2 retries"));
      for (ManifestRow row : manifest()) {
        assertEquals(Outcome.MALFORMED, row.outcome());
        assertEquals("cut short: a table is not closed after 3 attempts", row.reason());
        assertEquals("", row.file());
      }
    }
  }

  @Nested
  class ShorterThanAnnounced extends PipelineRunTestSupport {

    ShorterThanAnnounced() {
      super(ReplicaConfig.builder().faults("truncate:every=1:attempts=99").build());
    }

    @Override
    protected void settings(Properties p) {
      p.setProperty("plan.limit", "1");
      p.setProperty("retry.max-retries", "1");
    }

    @Test
    void a_body_always_shorter_than_announced_is_malformed_as_cut_short() {
      run();
      assertEquals(2, replica.requestLog().submitEntries().size());
      ManifestRow row = manifest().get(0);
      assertEquals(Outcome.MALFORMED, row.outcome());
      assertTrue(row.reason().matches("cut short: Premature end of Content-Length delimited message body"
          + " \\(expected: [\\d,]+; received: [\\d,]+\\) after 2 attempts"), row.reason());
    }
  }

  @Test
  void a_closed_table_without_its_total_row_is_cut_short() throws Exception {
    String html = "<html><body><div class=\"snatih\"><table class=\"table\"><thead><tr><th>Finess</th>"
        + "<th>Raison Sociale</th></tr></thead><tbody><tr><td>010007987</td><td>CH</td></tr></tbody></table></div>"
        + "</body></html>";
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
    exchange.getMessage().setBody(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    ResponseReader reader = new ResponseReader(new PageParser(), 1_000_000, StandardCharsets.UTF_8);
    TruncatedPageException cut = assertThrows(TruncatedPageException.class, () -> reader.read(exchange));
    assertEquals("cut short: no Total row", cut.getMessage());
  }

  private static ResultPage cleanPage(String url) throws Exception {
    try (ReplicaServer clean = ReplicaServer.start(ReplicaConfig.defaults())) {
      String query = url.substring(url.indexOf('?') + 1);
      byte[] body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(clean.submitUri(query)).build(),
          HttpResponse.BodyHandlers.ofByteArray()).body();
      return new PageParser().parse(body, StandardCharsets.UTF_8);
    }
  }
}
