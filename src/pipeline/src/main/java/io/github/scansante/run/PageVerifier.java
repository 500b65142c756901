package io.github.scansante.run;

import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.ResultPage;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.site.SiteCatalogue;
import io.github.scansante.site.SiteRequests;
import org.apache.camel.Exchange;

/**
 * Checks what the server says it understood against what was asked, before anything is written:
 * the step that would have caught the previous tool's 140 mislabelled files.
 */
public final class PageVerifier {

  public static final String PAGE = "page";

  private final PageClassifier classifier;
  private final SiteCatalogue catalogue;

  public PageVerifier(PageClassifier classifier, SiteCatalogue catalogue) {
    this.classifier = classifier;
    this.catalogue = catalogue;
  }

  public void verify(Exchange exchange) {
    ResultPage page = exchange.getMessage().getBody(ResultPage.class);
    Combination c = exchange.getProperty(SiteRequests.COMBINATION, Combination.class);
    Verdict verdict = classifier.classify(page, catalogue.expectedEcho(c));
    exchange.setProperty(PAGE, page);
    exchange.setProperty(Verdicts.VERDICT, verdict);
  }
}
