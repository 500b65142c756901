package io.github.scansante.page;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the site or the network hands over, the parser either reads it or throws {@link
 * MalformedPageException}: never another exception, never a half-read table.
 */
class PageParserHostileTest {

  private final PageParser parser = new PageParser();

  private static String results(String inside) {
    return "<html><head><meta charset=\"utf-8\"></head><body><div class=\"snatih\">"
        + inside
        + "</div></body></html>";
  }

  private static String dataTable(String header, String... rows) {
    StringBuilder html = new StringBuilder("<table class=\"table\"><thead><tr>" + header + "</tr></thead><tbody>");
    for (String row : rows) {
      html.append("<tr>").append(row).append("</tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  private MalformedPageException malformed(String html) {
    return assertThrows(MalformedPageException.class, () -> parser.parse(html));
  }

  @Test
  void emptyBodyIsNotAResultsPage() {
    MalformedPageException e =
        assertThrows(MalformedPageException.class, () -> parser.parse(new byte[0], UTF_8));
    assertEquals("no div.snatih: not a results page", e.getMessage());
  }

  @Test
  void plainTextAndJsonAreNotResultsPages() {
    malformed("Service Unavailable");
    malformed("{\"error\": \"rate limited\"}");
  }

  @Test
  void garbageBytesAreRejected() {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);

    assertThrows(MalformedPageException.class, () -> parser.parse(garbage, UTF_8));
    // Every byte is valid ISO-8859-1, so this reaches the HTML parser and must still fail cleanly.
    assertThrows(MalformedPageException.class, () -> parser.parse(garbage, ISO_8859_1));
  }

  @Test
  void isoBytesDecodedStrictlyAsUtf8AreRejectedWithTheOffset() {
    String html = results("<p>Votre requête n'a pu aboutir</p>");
    byte[] latin1 = html.getBytes(ISO_8859_1);

    MalformedPageException e =
        assertThrows(MalformedPageException.class, () -> parser.parse(latin1, UTF_8));
    assertEquals("body is not valid UTF-8 at byte " + html.indexOf('ê'), e.getMessage());
  }

  @Test
  void utf8PageDecodedAsLatin1IsCaughtByItsOwnDeclaration() {
    byte[] utf8 = results("<p>Votre requête n'a pu aboutir</p>").getBytes(UTF_8);

    MalformedPageException e =
        assertThrows(MalformedPageException.class, () -> parser.parse(utf8, ISO_8859_1));
    assertEquals("page declares charset utf-8 but was decoded as ISO-8859-1", e.getMessage());
  }

  @Test
  void declarationInContentTypeMetaCountsToo() {
    String html =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"></head>"
            + "<body><div class=\"snatih\"><p>x</p></div></body></html>";

    assertThrows(MalformedPageException.class, () -> parser.parse(html.getBytes(UTF_8), ISO_8859_1));
    assertEquals("x", parser.parse(html.getBytes(UTF_8), UTF_8).notice());
  }

  @Test
  void unknownDeclaredCharsetDoesNotCondemnThePage() {
    String html = "<html><head><meta charset=\"no such/charset\"></head><body><div class=\"snatih\"><p>x</p></div>";

    assertEquals("x", parser.parse(html.getBytes(UTF_8), UTF_8).notice());
  }

  @Test
  void deeplyNestedMarkupDoesNotOverflowTheStack() {
    String deep = "<div>".repeat(100_000);

    malformed("<html><body>" + deep);
    ResultPage page = parser.parse(results(deep + "<p>deep</p>"));
    assertFalse(page.hasDataTable());
  }

  @Test
  void deeplyNestedMarkupInsideACellIsRead() {
    String cell = "<td>" + "<span>".repeat(100_000) + "x</td>";

    ResultPage page = parser.parse(results(dataTable("<th>A</th>", cell)));
    assertEquals(List.of(List.of("x")), page.establishments());
  }

  @Test
  void rowWithAnExtraCellIsRejected() {
    MalformedPageException e =
        malformed(results(dataTable("<th>A</th><th>B</th>", "<td>1</td><td>2</td>", "<td>1</td><td>2</td><td>3</td>")));
    assertEquals("row 2 has 3 cells, header has 2", e.getMessage());
  }

  @Test
  void rowWithAMissingCellIsRejected() {
    MalformedPageException e = malformed(results(dataTable("<th>A</th><th>B</th>", "<td>1</td>")));
    assertEquals("row 1 has 1 cells, header has 2", e.getMessage());
  }

  @Test
  void tableWithoutHeaderIsRejected() {
    MalformedPageException e =
        malformed(results("<table class=\"table\"><tbody><tr><td>1</td><td>2</td></tr></tbody></table>"));
    assertEquals("data table has no thead columns", e.getMessage());
  }

  @Test
  void truncatedBodyLeavesNoTotalRow() {
    String full = results(dataTable(
        "<th>Raison Sociale</th><th>N</th>", "<td>CH A</td><td>1</td>", "<td>Total</td><td>1</td>"));
    String cut = full.substring(0, full.indexOf("<tr><td>Total"));

    ResultPage page = parser.parse(cut);
    assertEquals(List.of(List.of("CH A", "1")), page.establishments());
    assertFalse(page.hasTotal());
  }

  @Test
  void totalIsOnlyTheLastRow() {
    ResultPage page = parser.parse(results(dataTable(
        "<th>Raison Sociale</th>", "<td>Total</td>", "<td>CH B</td>")));

    assertEquals(List.of(List.of("Total"), List.of("CH B")), page.establishments());
    assertEquals(List.of(), page.total());
  }

  @Test
  void totalFoundInAnyCellWhenTheNameColumnIsAbsent() {
    ResultPage page = parser.parse(results(dataTable(
        "<th>Nom</th><th>N</th>", "<td>CH A</td><td>1</td>", "<td>Total</td><td>1</td>")));

    assertEquals(List.of("Total", "1"), page.total());
    assertEquals(1, page.establishments().size());
  }

  @Test
  void markupInsideCellsReadsAsDisplayed() {
    ResultPage page = parser.parse(results(dataTable(
        "<th> Nombre de\n séjours<br>séances&nbsp;total </th>",
        "<td>&nbsp;<b>21</b>&nbsp;687 </td>")));

    assertEquals(List.of("Nombre de séjours séances total"), page.columns());
    assertEquals(List.of(List.of("21\u00a0687")), page.establishments());
  }

  @Test
  void nestedTablesDoNotLeakRows() {
    String inner = "<table class=\"table\"><thead><tr><th>X</th></tr></thead><tbody><tr><td>in</td></tr></tbody></table>";
    ResultPage page = parser.parse(results(dataTable("<th>A</th>", "<td>out" + inner + "</td>")));

    assertEquals(1, page.establishments().size());
    assertTrue(page.establishments().get(0).get(0).startsWith("out"));
  }
}
