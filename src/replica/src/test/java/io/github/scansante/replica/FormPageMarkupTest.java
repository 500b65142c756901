package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The landing page offers the whole form and opens a session; other paths and methods are refused. */
class FormPageMarkupTest {

  private static final SiteFilterTree CATALOGUE = SiteFilterTree.builtIn();
  private static ReplicaServer replica;
  private static HttpResponse<String> landing;
  private static Element form;

  @BeforeAll
  static void fetch() throws Exception {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
    landing = HttpClient.newHttpClient().send(HttpRequest.newBuilder(replica.landingUri()).build(),
        HttpResponse.BodyHandlers.ofString());
    Document doc = Jsoup.parse(landing.body());
    form = doc.selectFirst("form#filtres");
  }

  @AfterAll
  static void stop() {
    replica.close();
  }

  @Test
  void answersHtmlWithASessionCookie() {
    assertEquals(200, landing.statusCode());
    assertEquals("text/html; charset=utf-8", landing.headers().firstValue("Content-Type").orElseThrow());
    String cookie = landing.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.matches("SESSreplica=[0-9a-f]{32}; Path=/; HttpOnly"), cookie);
  }

  @Test
  void formSubmitsToTheResultsEndpoint() {
    assertNotNull(form);
    assertEquals("get", form.attr("method"));
    assertEquals("/applications/cartographie-activite-MCO/submit", form.attr("action"));
    Element snatnav = form.selectFirst("input[type=hidden][name=snatnav]");
    assertEquals("", snatnav.attr("value"));
    assertNotNull(form.selectFirst("input[type=text][name=racine]"));
    assertNotNull(form.selectFirst("input[type=text][name=GHM]"));
  }

  @Test
  void offersYearsBasesAndRadiosWithLabels() {
    assertEquals(CATALOGUE.codes("annee"), values(form.selectFirst("select[name=annee]")));
    assertEquals(List.of("bpub", "bpri"), values(form.selectFirst("select[name=base]")), "ball is not offered");
    assertEquals(List.of("Publics et PSPH", "Privés OQN"), form.select("select[name=base] option").eachText());
    for (String field : List.of("tgeo", "typrgp")) {
      for (SiteFilterTree.FormOption o : CATALOGUE.options(field)) {
        Element radio = form.selectFirst("input[type=radio][name=" + field + "][value=" + o.code() + "]");
        assertNotNull(radio, field + "=" + o.code());
        assertEquals(o.label(), form.selectFirst("label[for=" + radio.id() + "]").text());
      }
    }
    assertEquals("tgeo-fe", form.selectFirst("input[name=tgeo][value=fe]").id());
  }

  @Test
  void groupsZonesByLevel() {
    List<Element> selects = form.select("select[name=codegeo]");
    assertEquals(1, selects.size(), "one zone select");
    for (String tgeo : SiteFilterTree.GEO_LEVELS) {
      Element group = selects.get(0).selectFirst("optgroup[data-tgeo=" + tgeo + "]");
      assertNotNull(group, tgeo);
      assertEquals(CATALOGUE.label("tgeo", tgeo).orElseThrow(), group.attr("label"));
      assertEquals(CATALOGUE.codes(SiteFilterTree.zoneField(tgeo)), values(group));
    }
    assertEquals("ILE-DE-FRANCE", selects.get(0).selectFirst("optgroup[data-tgeo=re] option[value=11]").text());
    assertEquals("PARIS", selects.get(0).selectFirst("optgroup[data-tgeo=de] option[value=75]").text());
    assertEquals("11", selects.get(0).selectFirst("optgroup[data-tgeo=de] option[value=75]").attr("data-region"));
  }

  @Test
  void offersEveryGroupingCodeAfterAnEmptyChoice() {
    for (String field : SiteFilterTree.GROUPING_FIELDS) {
      Element select = form.selectFirst("select[name=" + field + "]");
      List<String> values = values(select);
      assertEquals("", values.get(0), field);
      assertEquals(CATALOGUE.codes(field), values.subList(1, values.size()), field);
      assertEquals(CATALOGUE.label(field, CATALOGUE.codes(field).get(0)).orElseThrow(),
          select.select("option").get(1).text());
    }
  }

  @Test
  void otherPathsAre404AndOtherMethods405() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    assertEquals(404, client.send(HttpRequest.newBuilder(replica.baseUri().resolve("/applications")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode());
    assertEquals(404, client.send(HttpRequest.newBuilder(replica.baseUri().resolve(
        "/applications/cartographie-activite-MCO/outilExcel")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    HttpResponse<Void> post = client.send(HttpRequest.newBuilder(replica.submitUri(Pages.TOUS))
        .POST(HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.discarding());
    assertEquals(405, post.statusCode());
    assertEquals("GET", post.headers().firstValue("Allow").orElseThrow());
  }

  private static List<String> values(Element parent) {
    return parent.select("option").stream().map(o -> o.attr("value")).toList();
  }
}
