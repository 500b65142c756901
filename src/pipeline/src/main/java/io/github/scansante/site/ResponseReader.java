package io.github.scansante.site;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.page.MalformedPageException;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.TruncatedPageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Locale;
import org.apache.camel.Exchange;

/**
 * Turns an HTTP answer into a {@link ResultPage}, treating it as untrusted input: it must be HTML,
 * no larger than a cap, and decode strictly in the expected charset; anything else is a
 * {@link MalformedPageException}, which the route dead-letters.
 */
public final class ResponseReader {

  private final PageParser parser;
  private final int maxBytes;
  private final Charset charset;

  public ResponseReader(PageParser parser, int maxBytes, Charset charset) {
    this.parser = parser;
    this.maxBytes = maxBytes;
    this.charset = charset;
  }

  /**
   * @throws TruncatedPageException when the page was cut short (a table left open, or a data table
   *     without its Total row), which the route retries like a failed request
   */
  public ResultPage read(Exchange exchange) throws IOException {
    // Read before the content type is judged, so that a rejected answer can be kept as evidence.
    byte[] body = boundedBody(exchange.getMessage().getBody(InputStream.class));
    CombinationWork work = CombinationWork.of(exchange);
    if (work != null) {
      work.received(body);
    }
    checkContentType(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class));
    if (TruncatedPageException.hasUnterminatedTable(body)) {
      throw new TruncatedPageException("cut short: a table is not closed");
    }
    ResultPage page = parser.parse(body, charset);
    if (page.hasDataTable() && !page.hasTotal()) {
      throw new TruncatedPageException("cut short: no Total row");
    }
    return page;
  }

  /**
   * The landing page, decoded the same careful way: its labels become the echo every page is
   * checked against, so a lenient decoding would turn them, and every verdict, into mojibake.
   */
  public String readText(Exchange exchange) throws IOException {
    return PageParser.decode(checkedBody(exchange), charset);
  }

  /** The answer's bytes, once its content type says HTML in the expected charset. */
  private byte[] checkedBody(Exchange exchange) throws IOException {
    checkContentType(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class));
    return boundedBody(exchange.getMessage().getBody(InputStream.class));
  }

  private void checkContentType(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    if (!type.contains("html")) {
      throw new MalformedPageException("content type '" + contentType + "' is not HTML");
    }
    int at = type.indexOf("charset=");
    if (at >= 0) {
      String declared = type.substring(at + "charset=".length()).replace("\"", "").split("[;\\s]")[0];
      if (!Charset.isSupported(declared) || !Charset.forName(declared).equals(charset)) {
        throw new MalformedPageException("declared charset '" + declared + "', expected " + charset.name());
      }
    }
  }

  private byte[] boundedBody(InputStream in) throws IOException {
    if (in == null) {
      throw new MalformedPageException("empty body");
    }
    try (in) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw BodyCap.tooLarge(maxBytes);
      }
      if (body.length == 0) {
        throw new MalformedPageException("empty body");
      }
      return body;
    }
  }
}
