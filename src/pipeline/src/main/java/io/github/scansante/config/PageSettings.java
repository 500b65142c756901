package io.github.scansante.config;

import java.nio.charset.Charset;

/**
 * What a page may be: its size, its charset, and the prefixes of the criteria echo lines.
 *
 * @param maxBytes at most {@link #MAX_BYTES}, so that a buffer of maxBytes + 1 stays an int
 */
public record PageSettings(int maxBytes, Charset charset, String echoYearPrefix, String echoZonePrefix,
    String echoBasePrefix, String echoGroupingPrefix) {

  /** 256 MiB: 400 times a real page, and far from int overflow. */
  public static final int MAX_BYTES = 268_435_456;
  static final int MIN_BYTES = 1_024;

  static PageSettings read(PropertyValues v) {
    String text = "use the start of the echo line, not empty";
    return new PageSettings(
        v.wholeInt("page.max-bytes", MIN_BYTES, MAX_BYTES, "bytes"),
        v.charset("page.charset"),
        v.nonBlank("page.echo.year-prefix", text),
        v.nonBlank("page.echo.zone-prefix", text),
        v.nonBlank("page.echo.base-prefix", text),
        v.nonBlank("page.echo.grouping-prefix", text));
  }
}
