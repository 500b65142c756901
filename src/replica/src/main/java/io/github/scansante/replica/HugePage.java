package io.github.scansante.replica;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A results page that looks valid and never ends soon: a data table whose rows repeat until the
 * page is larger than asked. Written as it is generated, so the replica can serve gigabytes.
 */
final class HugePage {

  private static final int COLUMNS = 12;
  private static final byte[] HEAD = (PageSkeleton.open(ResultsPageMarkup.TITLE, 0)
      + "<div class=\"snatih\"><table class=\"table\"><thead><tr>\n"
      + "<th class=\"c header\" scope=\"col\">Colonne</th>\n".repeat(COLUMNS)
      + "</tr></thead>\n<tbody>\n").getBytes(StandardCharsets.UTF_8);
  private static final byte[] ROW = ("<tr>" + "<td class=\"r data\">1 234</td>".repeat(COLUMNS) + "</tr>\n")
      .getBytes(StandardCharsets.UTF_8);
  private static final byte[] TAIL = PageSkeleton.close(new StringBuilder("</tbody></table></div>"))
      .getBytes(StandardCharsets.UTF_8);
  /** Large enough that the chunks on the wire are few, small enough to stay out of the way. */
  private static final int BUFFER_BYTES = 64 * 1024;

  private HugePage() {}

  /** Writes a page of more than {@code bytes} bytes; an I/O error (the client hung up) ends it. */
  static void write(OutputStream body, long bytes) throws IOException {
    OutputStream out = new BufferedOutputStream(body, BUFFER_BYTES);
    out.write(HEAD);
    long written = HEAD.length;
    while (written <= bytes) {
      out.write(ROW);
      written += ROW.length;
    }
    out.write(TAIL);
    out.flush();
  }
}
