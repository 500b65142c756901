package io.github.scansante.cli;

/** The exit codes of every command; the README's table lists them. */
final class ExitCodes {

  /** The command did what it was asked (a run's pass completed, even with dead letters). */
  static final int OK = 0;
  /** Something outside the user's input failed: the site, the disk, or the program itself. */
  static final int FAILURE = 1;
  /** Bad input: an option, a property, a plan file, a path, a port in use. */
  static final int USAGE = 2;
  /** parse: the page holds no data table. */
  static final int NO_DATA_TABLE = 3;
  /**
   * run: stopped early, pass closed and pages kept, because none of its first answers could be
   * verified; check: the site does not honour the contract.
   */
  static final int NOTHING_VERIFIABLE = 4;
  /** The site did not answer: the run gave up, its journal kept for resume (sysexits EX_UNAVAILABLE). */
  static final int SITE_UNREACHABLE = 69;
  /** Another scansante command holds the output folder: try again once it ends (sysexits EX_TEMPFAIL). */
  static final int OUTPUT_IN_USE = 75;
  /**
   * The run could not record what it did (full disk, read-only folder): it paused with its journal,
   * and the next run resumes it (sysexits EX_IOERR).
   */
  static final int JOURNAL_UNWRITABLE = 74;
  /**
   * The run was stopped (SIGTERM, or the context stopping), its journal kept: 128 + SIGTERM, as the
   * shell reports it. Ctrl-C ends the JVM with 130.
   */
  static final int STOPPED = 143;

  private ExitCodes() {}
}
