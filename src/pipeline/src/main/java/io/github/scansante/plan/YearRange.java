package io.github.scansante.plan;

import io.github.scansante.text.UserText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An inclusive range of years such as {@code 2015-2024} or {@code 2024}; empty means all. */
public record YearRange(int from, int to) {

  private static final Pattern RANGE = Pattern.compile("(\\d{4})(?:\\s*-\\s*(\\d{4}))?");
  public static final YearRange ALL = new YearRange(Integer.MIN_VALUE, Integer.MAX_VALUE);

  public static YearRange parse(String text) {
    if (text == null || text.isBlank() || text.strip().equals("*")) {
      return ALL;
    }
    Matcher m = RANGE.matcher(text.strip());
    if (!m.matches()) {
      throw new PlanException("years must look like 2015-2024 or 2024, not '" + UserText.clip(text) + "'");
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    if (to < from) {
      throw new PlanException("year range " + UserText.clip(text) + " ends before it starts; write the earlier year first");
    }
    return new YearRange(from, to);
  }

  /** For messages: "year 2030 is" or "years 2030–2031 are". */
  public String describe() {
    if (this.equals(ALL)) {
      return "no year is";
    }
    return from == to ? "year " + from + " is" : "years " + from + "–" + to + " are";
  }

  public boolean contains(String year) {
    try {
      int y = Integer.parseInt(year);
      return y >= from && y <= to;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
