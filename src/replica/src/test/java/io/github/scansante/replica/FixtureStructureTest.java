package io.github.scansante.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replica pages have the structure of the pages captured from the real site: the same elements,
 * classes, inline styles and attributes inside div.snatih, in the same order (data rows reduced to
 * the first and the Total row), the same headers and cell widths. The captures are not in the
 * repository; each test skips, with the reason, when they are absent.
 */
class FixtureStructureTest {

  private static ReplicaServer replica;

  @BeforeAll
  static void start() {
    replica = ReplicaServer.start(ReplicaConfig.defaults());
  }

  @AfterAll
  static void stop() {
    if (replica != null) {
      replica.close();
    }
  }

  private static Document fixture(String name) throws Exception {
    return Jsoup.parse(Files.readString(Fixtures.page(name), StandardCharsets.UTF_8));
  }

  private static Document replicaPage(String query) throws Exception {
    return Jsoup.parse(Pages.get(Pages.client(), replica.submitUri(query)));
  }

  @Test
  void allStaysPageHasTheRealPagesStructure() throws Exception {
    Document real = fixture("2024_fe_99_bpub_tous.html");
    Document ours = replicaPage(Pages.TOUS);
    assertEquals(ancestry(real), ancestry(ours));
    assertEquals(signature(real), signature(ours));
    assertEquals(headers(real), headers(ours));
    assertEquals(cellWidths(real), cellWidths(ours), "padding of the first row's figures");
    assertEquals(echoTexts(real), echoTexts(ours));
    assertEquals(real.selectFirst("td.systemtitle").text(), ours.selectFirst("td.systemtitle").text());
    assertEquals(real.selectFirst("td.systemfooter").text(), ours.selectFirst("td.systemfooter").text());
    assertEquals(totalRow(real).subList(0, 8), totalRow(ours).subList(0, 8), "blank, Total and NA cells");
  }

  @Test
  void unrecognisedGroupingPageHasTheRealBlankLine() throws Exception {
    Document real = fixture("2024_fe_99_bpub_unrecognized-grouping.html");
    Document ours = replicaPage("annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=rgpGHM&ASO=M");
    assertEquals(signature(real), signature(ours));
    Element realLine = real.select("div.snatih table.table").get(0).select("td").last();
    Element ourLine = ours.select("div.snatih table.table").get(0).select("td").last();
    assertEquals(realLine.outerHtml(), ourLine.outerHtml());
  }

  @Test
  void emptyPageIsTheRealTotalOnlyTable() throws Exception {
    Document real = fixture("2024_fe_99_bpub_empty-total-only.html");
    Document ours = replicaPage("annee=2024&tgeo=de&codegeo=976&base=bpri&typrgp=rgpGHM");
    assertEquals(signature(real), signature(ours));
    assertEquals(real.select("div.snatih table.table").get(1).outerHtml(),
        ours.select("div.snatih table.table").get(1).outerHtml(), "the whole zero table, byte for byte");
  }

  @Test
  void refusedPageSaysWhatTheRealOneSays() throws Exception {
    Document real = fixture("error_requete-n-a-pu-aboutir.html");
    Document ours = replicaPage("annee=2024&tgeo=fe&codegeo=99&base=ball&typrgp=tous");
    assertEquals(ancestry(real), ancestry(ours));
    assertEquals(signature(real), signature(ours));
    assertEquals(real.selectFirst("div.snatih p").text(), ours.selectFirst("div.snatih p").text());
    assertTrue(ours.select("table").isEmpty());
  }

  /** The chain of elements from html down to div.snatih. */
  private static List<String> ancestry(Document doc) {
    List<String> chain = new ArrayList<>();
    for (Element e : doc.selectFirst("div.snatih").parents()) {
      String id = e.id().isEmpty() ? "" : "#" + e.id();
      String cls = e.nameIs("div") ? "." + String.join(".", e.classNames()) : "";
      chain.add(0, e.tagName() + id + cls);
    }
    return chain;
  }

  /** (tag, attributes) of every element inside div.snatih, data rows reduced to the first and the last. */
  private static List<String> signature(Document doc) {
    Element snatih = doc.selectFirst("div.snatih").clone();
    for (Element table : snatih.select("table.table:has(thead)")) {
      List<Element> rows = table.select("tbody > tr");
      for (int i = 1; i < rows.size() - 1; i++) {
        rows.get(i).remove();
      }
    }
    return snatih.select("*").stream()
        .map(e -> e.tagName() + e.attributes().asList().stream()
            .map(a -> " " + a.getKey() + "=\"" + a.getValue() + "\"").collect(Collectors.joining()))
        .toList();
  }

  private static List<String> headers(Document doc) {
    return doc.select("div.snatih thead th").stream().map(Element::html).toList();
  }

  private static List<Integer> cellWidths(Document doc) {
    Element first = doc.select("div.snatih table.table").get(1).selectFirst("tbody > tr");
    return first.select("td").stream().skip(4).map(td -> td.wholeText().length()).toList();
  }

  private static List<String> echoTexts(Document doc) {
    return doc.select("div.snatih table.table").get(0).select("td").eachText();
  }

  private static List<String> totalRow(Document doc) {
    return doc.select("div.snatih table.table").get(1).select("tbody > tr").last().select("td").stream()
        .map(td -> td.wholeText().strip()).toList();
  }
}
