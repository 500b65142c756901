package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/** {@code runs.csv}: one row per completed run, with its trigger, times and counts per outcome. */
public final class RunHistory {

  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

  private RunHistory() {}

  public static List<String> header() {
    List<String> header = new ArrayList<>(List.of("run_id", "trigger", "plan", "started", "ended", "elapsed_s", "combinations"));
    for (Outcome o : Outcome.values()) {
      header.add(o.label().replace('-', '_'));
    }
    header.addAll(List.of("files_written", "rows_written"));
    return header;
  }

  static void append(Path file, RunSummary s) throws IOException {
    boolean fresh = !Files.exists(file);
    List<String> row = new ArrayList<>(List.of(s.run().id(), s.run().trigger(), s.run().plan(), s.run().started().toString(),
        s.ended().toString(), Long.toString(s.elapsed().toSeconds()), Long.toString(s.combinations())));
    for (Outcome o : Outcome.values()) {
      row.add(Long.toString(s.count(o)));
    }
    row.add(Long.toString(s.filesWritten()));
    row.add(Long.toString(s.rowsWritten()));
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      if (fresh) {
        w.write(CSV.format(header().toArray()) + "\n");
      }
      w.write(CSV.format(row.toArray()) + "\n");
    }
  }
}
