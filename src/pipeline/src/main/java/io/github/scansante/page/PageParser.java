package io.github.scansante.page;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter.FilterResult;
import org.jsoup.select.NodeTraversor;

/**
 * Reads a ScanSanté results page into a {@link ResultPage}, or throws {@link
 * MalformedPageException} when the answer cannot be read safely. One jsoup parse, then a single
 * walk of the results area that never descends into the big table's rows except to read them.
 * Stateless and thread-safe.
 */
public final class PageParser {

  /** Where the site puts everything it has to say about a query (site contract). */
  private static final String RESULTS_AREA = "div.snatih";

  /** The class of the SAS "Procedure Report" tables: the criteria echo and the data table. */
  private static final String REPORT_TABLE_CLASS = "table";

  private static final String FOOTER_CLASS = "systemfooter";

  /**
   * Decodes strictly while parsing.
   *
   * @throws MalformedPageException when the bytes are not valid in {@code charset}, when the page
   *     declares another charset than the one used, or for any reason {@link #parse(String)} gives
   */
  public ResultPage parse(byte[] body, Charset charset) {
    Document doc;
    try {
      // Streaming the strict decoder into jsoup costs a few % of the parse; decoding the whole
      // page to a String first cost about 15 %.
      Reader reader = new InputStreamReader(new ByteArrayInputStream(body), strictDecoder(charset));
      doc = Parser.htmlParser().parseInput(reader, "");
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        decode(body, charset); // only to name the offending byte in the exception it throws
      }
      throw e;
    }
    requireDeclaredCharset(doc, charset);
    return read(doc);
  }

  private static CharsetDecoder strictDecoder(Charset charset) {
    return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Parses an already decoded page.
   *
   * @throws MalformedPageException when the page has no results area or its data table is not
   *     a well-formed grid
   */
  public ResultPage parse(String html) {
    return read(Jsoup.parse(html));
  }

  private static ResultPage read(Document doc) {
    Element results = doc.selectFirst(RESULTS_AREA);
    if (results == null) {
      throw new MalformedPageException("no div.snatih: not a results page");
    }
    Parts parts = Parts.of(results);
    Element echo = parts.tables.stream().filter(PageParser::isEcho).findFirst().orElse(null);
    List<Element> dataTables = parts.tables.stream().filter(t -> t != echo).toList();
    if (dataTables.size() > 1) {
      throw new MalformedPageException(dataTables.size() + " data tables: ambiguous, none is read");
    }
    Element data = dataTables.isEmpty() ? null : dataTables.get(0);
    DataTable table = data == null ? DataTable.NONE : DataTable.read(data);
    return new ResultPage(
        echo == null ? List.of() : criteria(echo),
        table.columns(),
        table.establishments(),
        table.total(),
        parts.footer,
        data == null ? String.join(" ", parts.paragraphs) : "");
  }

  /**
   * The criteria echo is the one-column report table without a header; a one-column data table
   * still has its {@code thead}.
   */
  private static boolean isEcho(Element table) {
    // The thead test comes first: it spares a walk of the data table's rows.
    if (table.children().stream().anyMatch(section -> section.nameIs("thead"))) {
      return false;
    }
    List<Element> rows = Rows.ofTable(table);
    return !rows.isEmpty() && rows.stream().allMatch(row -> Rows.cells(row).size() <= 1);
  }

  private static List<String> criteria(Element echo) {
    List<String> lines = new ArrayList<>();
    for (Element row : Rows.ofTable(echo)) {
      List<Element> cells = Rows.cells(row);
      lines.add(cells.isEmpty() ? "" : CellText.of(cells.get(0)));
    }
    return lines;
  }

  /** What the results area holds besides its report tables' insides. */
  private static final class Parts {
    final List<Element> tables = new ArrayList<>();
    final List<String> paragraphs = new ArrayList<>();
    String footer = "";

    static Parts of(Element results) {
      Parts parts = new Parts();
      // Skipping the children of what we keep avoids visiting the data table's ~10,000 cells here.
      NodeTraversor.filter(
          (node, depth) -> {
            if (!(node instanceof Element element)) {
              return FilterResult.CONTINUE;
            }
            if (element.nameIs("table") && element.hasClass(REPORT_TABLE_CLASS)) {
              parts.tables.add(element);
            } else if (element.nameIs("p")) {
              parts.paragraphs.add(element.text());
            } else if (element.hasClass(FOOTER_CLASS) && parts.footer.isEmpty()) {
              parts.footer = element.text();
            } else {
              return FilterResult.CONTINUE;
            }
            return FilterResult.SKIP_CHILDREN;
          },
          results);
      return parts;
    }
  }

  /**
   * Decodes strictly: bytes that are not valid in {@code charset} are a {@link
   * MalformedPageException} naming the offset, never replacement characters.
   */
  public static String decode(byte[] body, Charset charset) {
    ByteBuffer in = ByteBuffer.wrap(body);
    try {
      return strictDecoder(charset).decode(in).toString();
    } catch (CharacterCodingException e) {
      // The decoder leaves the buffer at the offending byte: say where, for whoever reads the log.
      throw new MalformedPageException(
          "body is not valid " + charset.name() + " at byte " + in.position(), e);
    }
  }

  /**
   * A page decoded with the wrong charset (UTF-8 read as ISO-8859-1) decodes without error but
   * turns every accent into mojibake; the page's own meta declaration is the cheap way to see it.
   */
  private static void requireDeclaredCharset(Document doc, Charset used) {
    for (Element meta : doc.head().getElementsByTag("meta")) {
      String declared = declaredCharset(meta);
      if (!declared.isEmpty() && !sameCharset(declared, used)) {
        throw new MalformedPageException(
            "page declares charset " + declared + " but was decoded as " + used.name());
      }
    }
  }

  private static String declaredCharset(Element meta) {
    if (meta.hasAttr("charset")) {
      return meta.attr("charset").trim();
    }
    String content = meta.attr("content").toLowerCase(Locale.ROOT);
    int at = content.indexOf("charset=");
    if (!"content-type".equalsIgnoreCase(meta.attr("http-equiv")) || at < 0) {
      return "";
    }
    String rest = content.substring(at + "charset=".length());
    int end = rest.indexOf(';');
    return (end < 0 ? rest : rest.substring(0, end)).trim();
  }

  /** Unknown or illegal names say nothing we can check, so they do not condemn the page. */
  private static boolean sameCharset(String declared, Charset used) {
    try {
      return !Charset.isSupported(declared) || Charset.forName(declared).equals(used);
    } catch (IllegalCharsetNameException e) {
      return true;
    }
  }
}
