package io.github.scansante.replica;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Test helper: fetches replica pages over real HTTP and reads them as a pipeline would. */
final class Pages {

  static final String TOUS = "snatnav=&annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=tous";

  /** A results page: echo lines (blank as ""), header cells' HTML, raw data cells, the Total row. */
  record Page(String html, List<String> echo, List<String> headers, List<List<String>> rows, List<String> total,
      boolean refused) {

    /** The stripped cells of the row for one FINESS. */
    List<String> row(String finess) {
      return rows.stream().filter(r -> r.get(1).equals(finess)).findFirst().map(Pages::stripped).orElse(null);
    }

    List<String> finesses() {
      return rows.stream().map(r -> r.get(1)).toList();
    }

    String groupingLine() {
      return echo.get(echo.size() - 1);
    }
  }

  private Pages() {}

  static HttpClient client() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " for " + uri);
    }
    return response.body();
  }

  static Page submit(ReplicaServer replica, String query) throws IOException, InterruptedException {
    return parse(get(client(), replica.submitUri(query)));
  }

  static Page parse(String html) {
    Document doc = Jsoup.parse(html);
    Element snatih = doc.selectFirst("div.snatih");
    if (snatih == null) {
      throw new AssertionError("no div.snatih in page");
    }
    boolean refused = snatih.select("p").stream().anyMatch(p -> p.text().equals("Votre requête n'a pu aboutir"));
    List<String> echo = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<String> total = new ArrayList<>();
    List<Element> tables = snatih.select("table.table");
    if (!tables.isEmpty()) {
      tables.get(0).select("td").forEach(td -> echo.add(blankAsEmpty(td.wholeText().strip())));
      Element data = tables.get(1);
      data.select("thead th").forEach(th -> headers.add(th.html()));
      for (Element tr : data.select("tbody tr")) {
        List<String> cells = tr.select("td").stream().map(Element::wholeText).toList();
        if (cells.get(2).equals("Total")) {
          total.addAll(stripped(cells));
        } else {
          rows.add(cells);
        }
      }
    }
    return new Page(html, echo, headers, rows, total, refused);
  }

  static List<String> stripped(List<String> cells) {
    return cells.stream().map(c -> blankAsEmpty(c.strip())).toList();
  }

  static String blankAsEmpty(String s) {
    return s.equals("\u00a0") ? "" : s;
  }

  /** A displayed count as a number: null for masked or NA. */
  static Long count(String cell) {
    String s = cell.strip();
    return s.matches("[0-9 ]+") ? Long.parseLong(s.replace(" ", "")) : null;
  }
}
