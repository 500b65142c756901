package io.github.scansante.replica;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the replica's landing page marks up its filter form. The real site's markup is not known,
 * so the pipeline must read any of the ways people write forms; each shape offers the same codes.
 */
public enum FormMarkup {
  /** {@code <label for>} beside every control: the replica's own form. */
  LABELS,
  /** No {@code <label>} at all: a radio's text follows it up to a line break, captions are plain text. */
  PLAIN_TEXT,
  /** Each control inside the {@code <label>} that names it. */
  WRAPPING,
  /** Every field in a {@code fieldset} captioned by its {@code legend}, radios followed by their text. */
  FIELDSET,
  /** Labels worded unlike the criteria echo, with odd case, non-breaking spaces and runs of blanks. */
  WORDED,
  /** Options without a {@code value} attribute where the value is the text (years, the empty choice). */
  NO_VALUE;

  /** The command-line name, e.g. {@code plain-text}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @throws IllegalArgumentException naming the accepted shapes */
  public static FormMarkup parse(String name) {
    for (FormMarkup m : values()) {
      if (m.optionName().equals(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException("form markup must be one of " + names() + ", not '" + name + "'");
  }

  public static String names() {
    return Arrays.stream(values()).map(FormMarkup::optionName).collect(Collectors.joining("|"));
  }
}
