package io.github.scansante.replica;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each hostile-page kind, as a real HTTP client sees it, against the same replica without faults. */
class ReplicaHostilePagesTest {

  private static final String GROUPED = "snatnav=&annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&A50=M&CAS=&DA=&GP=";
  private static ReplicaServer clean;

  @BeforeAll
  static void start() {
    clean = ReplicaServer.start(ReplicaConfig.defaults());
  }

  @AfterAll
  static void stop() {
    clean.close();
  }

  private static HttpResponse<byte[]> get(URI uri) throws Exception {
    return Pages.client().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The answer to {@code query} of a replica faulting every query with {@code spec}. */
  private static HttpResponse<byte[]> faulted(String spec, String query) throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults(spec).build())) {
      return get(replica.submitUri(query));
    }
  }

  private static byte[] cleanPage(String query) throws Exception {
    return get(clean.submitUri(query)).body();
  }

  private static boolean validUtf8(byte[] bytes) {
    try {
      UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void garbageIsRandomBytesUnderAnHtmlHeaderTheSameForTheSameSeedAndQuery() throws Exception {
    HttpResponse<byte[]> first = faulted("garbage:every=1", Pages.TOUS);
    assertEquals(200, first.statusCode());
    assertEquals(Optional.of("text/html; charset=utf-8"), first.headers().firstValue("Content-Type"));
    assertEquals(64 * 1024, first.body().length);
    assertFalse(validUtf8(first.body()));
    assertArrayEquals(first.body(), faulted("garbage:every=1", Pages.TOUS).body(), "reproducible");
    assertFalse(java.util.Arrays.equals(first.body(), faulted("garbage:every=1", GROUPED).body()), "another query, other bytes");
  }

  @Test
  void emptyHasNoBodyAtAll() throws Exception {
    HttpResponse<byte[]> r = faulted("empty:every=1", Pages.TOUS);
    assertEquals(200, r.statusCode());
    assertEquals(Optional.of("0"), r.headers().firstValue("Content-Length"));
    assertEquals(0, r.body().length);
  }

  @Test
  void notHtmlIsJson() throws Exception {
    HttpResponse<byte[]> r = faulted("not-html:every=1", Pages.TOUS);
    assertEquals(200, r.statusCode());
    assertEquals(Optional.of("application/json"), r.headers().firstValue("Content-Type"));
    assertTrue(new String(r.body(), UTF_8).startsWith("{\"status\""));
  }

  @Test
  void hugeIsAValidLookingPageLargerThanAskedStreamedInChunks() throws Exception {
    long bytes = 5_000_000;
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("huge:every=1:bytes=" + bytes).build())) {
      HttpResponse<InputStream> r = Pages.client().send(HttpRequest.newBuilder(replica.submitUri(Pages.TOUS)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(Optional.empty(), r.headers().firstValue("Content-Length"), "chunked: the size is not announced");
      byte[] body;
      try (InputStream in = r.body()) {
        body = in.readAllBytes();
      }
      assertTrue(body.length > bytes, body.length + " bytes");
      String text = new String(body, UTF_8);
      assertTrue(text.startsWith("<!doctype html>") && text.contains("<div class=\"snatih\"><table class=\"table\"><thead>"));
      assertTrue(text.endsWith("</html>\n"));
    }
  }

  @Test
  void nestedBuriesNothingUnderAHundredThousandDivsAfterTheEcho() throws Exception {
    String html = new String(faulted("nested:every=1", Pages.TOUS).body(), UTF_8);
    String snatih = html.substring(html.indexOf("<div class=\"snatih\">"));
    assertTrue(snatih.contains("<div>".repeat(100_000) + "</div>".repeat(100_000)));
    assertTrue(snatih.contains("Choix de regroupement: Tous séjours/séances"), "the criteria echo is there");
    assertEquals(1, snatih.split("<table class=\"table\"", -1).length - 1, "the echo table only: no data table");
  }

  @Test
  void extraAndMissingColumnChangeTheMiddleRowOnly() throws Exception {
    Pages.Page right = Pages.parse(new String(cleanPage(Pages.TOUS), UTF_8));
    int middle = right.rows().size() / 2;
    for (String kind : List.of("extra-column", "missing-column")) {
      Pages.Page page = Pages.parse(new String(faulted(kind + ":every=1", Pages.TOUS).body(), UTF_8));
      int expected = right.headers().size() + (kind.equals("extra-column") ? 1 : -1);
      assertEquals(expected, page.rows().get(middle).size(), kind);
      assertEquals(right.headers(), page.headers(), kind);
      for (int i = 0; i < right.rows().size(); i++) {
        if (i != middle) {
          assertEquals(right.rows().get(i), page.rows().get(i), kind + " row " + i);
        }
      }
      assertEquals(right.rows().get(middle).subList(0, expected - 1), page.rows().get(middle).subList(0, expected - 1));
    }
  }

  @Test
  void wrongCharsetSendsLatin1BytesUnderAUtf8Header() throws Exception {
    HttpResponse<byte[]> r = faulted("wrong-charset:every=1", Pages.TOUS);
    assertEquals(Optional.of("text/html; charset=utf-8"), r.headers().firstValue("Content-Type"));
    assertArrayEquals(new String(cleanPage(Pages.TOUS), UTF_8).getBytes(ISO_8859_1), r.body());
    assertFalse(validUtf8(r.body()), "the accents of the echo are single Latin-1 bytes");
    assertTrue(new String(r.body(), ISO_8859_1).contains("<meta charset=\"utf-8\" />"), "the page still claims UTF-8");
  }

  @Test
  void ignoreGroupingAnswersTheUnfilteredTableUnderABlankGroupingLine() throws Exception {
    Pages.Page ignored = Pages.parse(new String(faulted("ignore-grouping:every=1", GROUPED).body(), UTF_8));
    Pages.Page all = Pages.parse(new String(cleanPage(Pages.TOUS), UTF_8));
    Pages.Page medicine = Pages.parse(new String(cleanPage(GROUPED), UTF_8));
    assertEquals("", ignored.groupingLine());
    assertEquals(all.rows(), ignored.rows(), "the unfiltered table");
    assertFalse(medicine.rows().equals(ignored.rows()), "not what was asked");
    assertTrue(medicine.groupingLine().endsWith("Médecine"));
    assertArrayEquals(cleanPage(Pages.TOUS), faulted("ignore-grouping:every=1", Pages.TOUS).body(),
        "an all-stays query is answered right");
  }

  @Test
  void byteLevelKindsCanHitTheLandingPage() throws Exception {
    try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.builder().faults("garbage:every=1:path=landing").build())) {
      HttpResponse<byte[]> landing = get(replica.landingUri());
      assertEquals(64 * 1024, landing.body().length);
      assertFalse(validUtf8(landing.body()));
      assertEquals(200, get(replica.submitUri(Pages.TOUS)).statusCode(), "path=landing leaves submit alone");
    }
  }
}
