package io.github.scansante.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the real command line in-process and captures what it prints. */
public final class Cli {

  /** Exit code and output of one command. */
  public record Result(int exitCode, String out, String err) {}

  private Cli() {}

  public static synchronized Result execute(String... args) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = ScansanteCli.execute(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
  }

  /** {@code run} against a site, quick: no throttle, short retry delays, unless the extra args say otherwise. */
  public static Result run(String site, java.nio.file.Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of("run", "--site", site, "--output", output.toString(), "--delay", "0",
        "--set", "retry.initial-delay-ms=20", "--set", "retry.max-delay-ms=200", "--set", "circuit.initial-pause-ms=50",
        "--set", "camel.main.jmx-enabled=false"));
    args.addAll(List.of(extra));
    return execute(args.toArray(String[]::new));
  }

  /**
   * {@link #run} without the analysts' DuckDB store (a second or more per pass), for tests whose
   * subject is the requests, the files or the journal; the database tests load it.
   */
  public static Result runWithoutDatabase(String site, java.nio.file.Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of("--set", "database.duckdb.enabled=false"));
    args.addAll(List.of(extra));
    return run(site, output, args.toArray(String[]::new));
  }
}
