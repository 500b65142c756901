package io.github.scansante.report;

import io.github.scansante.page.CellValue;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.plan.Combination;
import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An output folder shaped like a real run, for the report: the replica's France 2024 public table,
 * earlier years derived from it (counts scaled, so the charts have a trend to show), a private
 * category, restricted groupings with 11 columns, and the dead letters a run meets.
 */
final class ReportScenario {

  static final String HOSTILE_NAME = "<img src=x onerror=\"document.title='pwned'\"></script><script>document.title='pwned'</script>";
  static final String NEWEST = "2024";
  private static final int FIRST_YEAR = 2020;
  private static final double YEARLY_GROWTH = 0.03;
  private static final int PRIVATE_CLINICS = 40;
  private static final int SEANCES = 7;
  private static final List<Integer> COUNT_CELLS = List.of(4, 5, 6, 7);

  private ReportScenario() {}

  static OutputFolder write(Path root) throws IOException {
    ResultPage page = ReportFixtures.replicaFrance2024Public();
    OutputFolder folder = new OutputFolder(root);
    for (int year = Integer.parseInt(NEWEST); year >= FIRST_YEAR; year--) {
      double scale = 1 - YEARLY_GROWTH * (Integer.parseInt(NEWEST) - year);
      String annee = Integer.toString(year);
      folder.data(Combination.allStays(annee, "fe", "99", "bpub"), year == Integer.parseInt(NEWEST) ? Outcome.DATA : Outcome.UNCHANGED,
          page.columns(), scaled(page.establishments(), scale));
      folder.data(Combination.allStays(annee, "fe", "99", "bpri"), Outcome.DATA, page.columns(), clinics(scale));
    }
    folder.data(new Combination(NEWEST, "fe", "99", "bpub", "A50", "M"), Outcome.DATA, OutputFolder.COLUMNS_11,
        withoutSeances(page.establishments()));
    folder.deadLetter(new Combination(NEWEST, "fe", "99", "bpub", "A50", "C"), Outcome.GROUPING_NOT_APPLIED, "blank grouping line");
    folder.data(new Combination(NEWEST, "fe", "99", "bpub", "A50", "O"), Outcome.DATA, OutputFolder.COLUMNS_11,
        withoutSeances(page.establishments().subList(0, page.establishments().size() / 2)));
    folder.deadLetter(new Combination("2023", "fe", "99", "bpub", "CAS", "Z"), Outcome.EMPTY, "Total row only");
    folder.deadLetter(Combination.allStays(NEWEST, "re", "11", "bpub"), Outcome.REFUSED, "Votre requête n'a pu aboutir");
    folder.deadLetter(Combination.allStays(NEWEST, "re", "84", "bpub"), Outcome.FAILED, "read timed out");
    folder.deadLetter(Combination.allStays(NEWEST, "fe", "99", "ball"), Outcome.REFUSED, "not offered by the site's form");
    folder.writeManifest();
    Files.writeString(root.resolve(RunJournal.RUNS), String.join("\n",
        "run_id,trigger,plan,started,ended,elapsed_s,combinations,data,empty,refused,grouping_not_applied,malformed,failed,unchanged,files_written,rows_written",
        "20250920T080000Z-cli,cli,strategic,2025-09-20T08:00:00Z,2025-09-20T08:05:00Z,300,20,8,1,1,1,0,1,8,8,6200",
        "20250920T081500Z-cli,cli,strategic,2025-09-20T08:15:00Z,2025-09-20T08:21:40Z,400,20,9,1,2,1,0,1,4,9,5400", ""),
        StandardCharsets.UTF_8);
    return folder;
  }

  private static List<List<String>> scaled(List<List<String>> rows, double scale) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> copy = new ArrayList<>(row);
      for (int i : COUNT_CELLS) {
        CellValue v = CellValue.parse(copy.get(i));
        if (v.kind() == CellValue.Kind.INTEGER) {
          copy.set(i, display(Math.round(v.number().longValueExact() * scale)));
        }
      }
      out.add(copy);
    }
    return out;
  }

  /** Invented private clinics; the largest carries a name written to break out of the page. */
  private static List<List<String>> clinics(double scale) {
    List<List<String>> rows = new ArrayList<>();
    for (int n = 1; n <= PRIVATE_CLINICS; n++) {
      long stays = Math.round((n == 1 ? 160_000 : 90_000 / n) * scale);
      long complete = stays / 3;
      String hp = n % 5 == 0 ? "1 à 10" : display(stays - complete);
      rows.add(List.of("CLINIQUE", String.format(Locale.ROOT, "6900%05d", n), n == 1 ? HOSTILE_NAME : "CLINIQUE DU PARC " + n,
          "M12", display(stays), display(complete), hp, "0", "44,0 %", "51,30", "1,90", "0,2 %"));
    }
    return rows;
  }

  private static List<List<String>> withoutSeances(List<List<String>> rows) {
    return rows.stream().map(r -> {
      List<String> copy = new ArrayList<>(r);
      copy.remove(SEANCES);
      return (List<String>) copy;
    }).toList();
  }

  /** As the site displays counts: a space between thousands. */
  private static String display(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
  }
}
