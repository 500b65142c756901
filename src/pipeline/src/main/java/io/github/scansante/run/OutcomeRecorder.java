package io.github.scansante.run;

import io.github.scansante.page.Outcome;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.report.TotalCheck;
import io.github.scansante.site.RetryPolicy;
import io.github.scansante.site.SiteRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Turns the end of a combination's journey, written or dead-lettered, into its journal row. */
public final class OutcomeRecorder {

  private static final Logger DEAD_LETTERS = LoggerFactory.getLogger("scansante.dead-letter");

  private final RunJournal journal;
  private final PageClassifier classifier;
  private final Clock clock;

  public OutcomeRecorder(RunJournal journal, PageClassifier classifier, Clock clock) {
    this.journal = journal;
    this.classifier = classifier;
    this.clock = clock;
  }

  /** After the file endpoint renamed the file into place. */
  public void written(Exchange exchange) {
    String produced = exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
    Path file = Path.of(produced);
    ResultPage page = exchange.getProperty(PageVerifier.PAGE, ResultPage.class);
    String relative = journal.outputDir().toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    record(exchange, Outcome.DATA, page.establishments().size() + " establishments", page, relative, sha256(file));
  }

  public void deadLetter(Exchange exchange) {
    Verdict verdict = exchange.getProperty(Verdicts.VERDICT, Verdict.class);
    // Combinations refused before any request were already reported together when the run began.
    boolean requested = exchange.getProperty(SiteRequests.URL) != null;
    DEAD_LETTERS.atLevel(requested ? Level.WARN : Level.DEBUG)
        .log("{} {}: {}", exchange.getProperty(SiteRequests.COMBINATION), verdict.outcome().label(), verdict.reason());
    record(exchange, verdict.outcome(), verdict.reason(), exchange.getProperty(PageVerifier.PAGE, ResultPage.class), "", "");
  }

  private void record(Exchange exchange, Outcome outcome, String reason, ResultPage page, String file, String sha256) {
    Combination c = exchange.getProperty(SiteRequests.COMBINATION, Combination.class);
    int rows = outcome == Outcome.DATA ? page.establishments().size() : 0;
    int attempts = exchange.getProperty(RetryPolicy.ATTEMPTS, 0, Integer.class) + (outcome == Outcome.FAILED ? 0 : 1);
    String url = exchange.getProperty(SiteRequests.URL, "", String.class);
    boolean requested = !url.isEmpty();
    String totalCheck = outcome == Outcome.DATA ? TotalCheck.check(page) : "";
    journal.record(new ManifestRow(c, outcome, reason, rows, totalCheck, file, sha256, url, requested ? attempts : 0,
        requested ? clock.instant().toString() : "", page == null ? "" : classifier.siteUpdateDate(page),
        page != null && classifier.frozenYear(page)));
  }

  public static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
