package io.github.scansante.flow;

import io.github.scansante.page.Outcome;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import org.apache.camel.Exchange;

/**
 * One combination on its way through the routes, carried as the exchange property {@link #PROPERTY}:
 * what was asked, the request sent for it, the failed attempts, the bytes and the page that came back,
 * what it was judged to be and the file it became. The routes test the booleans it exposes.
 */
public final class CombinationWork {

  public static final String PROPERTY = "work";

  private final Combination combination;
  private String url = "";
  private int failedAttempts;
  private byte[] responseBody;
  private ResultPage page;
  private Verdict verdict;
  private String file = "";
  private String sha256 = "";
  private ResultPage derivedPage;
  private ManifestRow derivedFrom;
  private String derivation = "";
  private boolean derived;

  public CombinationWork(Combination combination) {
    this.combination = combination;
  }

  /** The work of a combination exchange; null on other exchanges (the landing page). */
  public static CombinationWork of(Exchange exchange) {
    return exchange.getProperty(PROPERTY, CombinationWork.class);
  }

  public Combination combination() {
    return combination;
  }

  /** The URL asked for, empty when nothing was sent (skipped, or refused before any request). */
  public String url() {
    return url;
  }

  public void requested(String url) {
    this.url = url;
  }

  public boolean isRequested() {
    return !url.isEmpty();
  }

  public int failedAttempts() {
    return failedAttempts;
  }

  public void attemptFailed() {
    failedAttempts++;
  }

  /** The answer's bytes as received, before any reading: the evidence kept when it is rejected. */
  public void received(byte[] body) {
    this.responseBody = body;
  }

  /** Null until an answer came back. */
  public byte[] responseBody() {
    return responseBody;
  }

  public void judged(ResultPage page, Verdict verdict) {
    this.page = page;
    this.verdict = verdict;
  }

  public void failed(Verdict verdict) {
    this.verdict = verdict;
  }

  public ResultPage page() {
    return page;
  }

  public Verdict verdict() {
    return verdict;
  }

  /** The page was read and the server's echo restates what was asked: it may be written. */
  public boolean isVerified() {
    return verdict != null && verdict.outcome() == Outcome.DATA;
  }

  /**
   * The zone's table as taken from the national table, for a verification sample (asked, then
   * compared) or a derived table (written without a request).
   *
   * @param national the national table's row of this run, whose file it was read from
   * @param why the derivation in words, for the manifest
   */
  public void derivable(ResultPage table, ManifestRow national, String why) {
    this.derivedPage = table;
    this.derivedFrom = national;
    this.derivation = why;
  }

  /** Not asked: the derived table is this combination's table. */
  public void useDerived() {
    this.derived = true;
    this.page = derivedPage;
    this.verdict = new Verdict(Outcome.DERIVED, derivation);
  }

  /** A derived table stands in for this combination's, which is written as usual. */
  public boolean isDerived() {
    return derived;
  }

  /** Asked to check the derivation: the site's answer is compared with {@link #derivedPage()}. */
  public boolean isVerificationSample() {
    return derivedPage != null && !derived;
  }

  /** Null unless derivable. */
  public ResultPage derivedPage() {
    return derivedPage;
  }

  /** The national table's row this zone table was taken from; null unless derivable. */
  public ManifestRow derivedFrom() {
    return derivedFrom;
  }

  /** Adds to the reason the verdict gives, e.g. what a verification sample showed. */
  public void note(String text) {
    verdict = new Verdict(verdict.outcome(), verdict.reason() + "; " + text);
  }

  /** Goes to the write route: a verified answer, or a derived table. */
  public boolean isToBeWritten() {
    return isVerified() || derived;
  }

  public void written(String relativeFile, String sha256) {
    this.file = relativeFile;
    this.sha256 = sha256;
  }

  /** Path of the data file relative to the output folder, empty until written. */
  public String file() {
    return file;
  }

  public String sha256() {
    return sha256;
  }

  @Override
  public String toString() {
    return combination.toString();
  }
}
