package io.github.scansante.page;

import io.github.scansante.page.CellValue.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares, for every count column whose Total is a number, the sum of the establishment rows with
 * the site's Total row. Masked cells ("1 à 10") are unknown but bounded, so the known rows may fall
 * short of the Total by at least the sum of the masked lows and at most the sum of the masked highs.
 *
 * <p>The result is one line for the manifest's {@code total_check} column:
 * <ul>
 *   <li>{@code ok}: every checked column adds up exactly;
 *   <li>{@code ok (masked gap 3 within 2-20 for <column>)}: the shortfall is explained by masking;
 *   <li>{@code mismatch: <column> rows 1200 vs total 1300 (masked 2 cells: at most 20)};
 *   <li>{@code n/a (total NA)}: no count column had a numeric Total (the site's usual Total row).
 * </ul>
 * Columns that cannot be checked (Total not numeric while others are, an establishment cell NA)
 * are named after an {@code ok}.
 */
public final class TotalCheck {

  static final String OK = "ok";
  private static final String SEPARATOR = "; ";

  private TotalCheck() {}

  /** Pure: reads the page only, never throws on odd cells. */
  public static String check(ResultPage page) {
    if (!page.hasTotal()) {
      return "n/a (no Total row)";
    }
    Findings findings = new Findings();
    for (int i = 0; i < page.columns().size(); i++) {
      String name = page.columns().get(i);
      if (!isCount(name)) {
        continue;
      }
      String shownTotal = page.total().get(i);
      CellValue total = readOrNull(shownTotal);
      if (total == null || total.kind() != Kind.INTEGER) {
        findings.totalNotNumeric(name, shownTotal.isBlank() ? "empty" : shownTotal);
        continue;
      }
      ColumnTally column = ColumnTally.sum(page, i);
      if (column.unknown() > 0) {
        // An NA or unreadable cell could be anything: no bound to test the Total against.
        findings.unchecked.add(name + " not checked (" + column.unknown() + " cells NA or unreadable)");
      } else {
        column.judge(name, total.number().longValueExact(), findings);
      }
    }
    return findings.verdict();
  }

  private static boolean isCount(String header) {
    return SiteColumn.forHeader(header).map(c -> c.type() == SiteColumn.Type.COUNT).orElse(false);
  }

  private static CellValue readOrNull(String cell) {
    try {
      return CellValue.parse(cell);
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }

  /** What the columns said, gathered into one line. */
  private static final class Findings {
    final List<String> mismatches = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> unchecked = new ArrayList<>();
    final Map<String, List<String>> columnsByShownTotal = new LinkedHashMap<>();
    int checked;

    void totalNotNumeric(String column, String shown) {
      columnsByShownTotal.computeIfAbsent(shown, s -> new ArrayList<>()).add(column);
    }

    String verdict() {
      if (!mismatches.isEmpty()) {
        return "mismatch: " + String.join(SEPARATOR, mismatches);
      }
      if (checked == 0) {
        columnsByShownTotal.keySet().forEach(shown -> unchecked.add("total " + shown));
        return "n/a (" + (unchecked.isEmpty() ? "no count column" : String.join(SEPARATOR, unchecked)) + ")";
      }
      columnsByShownTotal.forEach((shown, columns) -> unchecked.add("total " + shown + " for " + String.join(", ", columns)));
      notes.addAll(unchecked);
      return notes.isEmpty() ? OK : OK + " (" + String.join(SEPARATOR, notes) + ")";
    }
  }

  /** The establishment rows of one count column: known sum, and the bounds of what is masked. */
  private record ColumnTally(long known, int masked, long maskedLow, long maskedHigh, int unknown) {

    static ColumnTally sum(ResultPage page, int index) {
      long known = 0;
      int masked = 0;
      long low = 0;
      long high = 0;
      int unknown = 0;
      for (List<String> row : page.establishments()) {
        CellValue v = readOrNull(row.get(index));
        if (v != null && v.kind() == Kind.INTEGER) {
          known += v.number().longValueExact();
        } else if (v != null && v.isMasked()) {
          masked++;
          low += v.bounds().low();
          high += v.bounds().high();
        } else {
          unknown++;
        }
      }
      return new ColumnTally(known, masked, low, high, unknown);
    }

    void judge(String name, long total, Findings findings) {
      findings.checked++;
      long gap = total - known;
      if (gap >= maskedLow && gap <= maskedHigh) {
        if (masked > 0) {
          findings.notes.add("masked gap " + gap + " within " + maskedLow + "-" + maskedHigh + " for " + name);
        }
        return;
      }
      String detail = name + " rows " + known + " vs total " + total;
      if (masked > 0) {
        detail += " (masked " + masked + " cells: " + (gap > maskedHigh ? "at most " + maskedHigh : "at least " + maskedLow) + ")";
      }
      findings.mismatches.add(detail);
    }
  }
}
