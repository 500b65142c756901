package io.github.scansante.run;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.page.PageClassifier;
import io.github.scansante.page.ResultPage;
import org.apache.camel.Exchange;

/**
 * Checks what the server says it understood against what was asked, before anything is written:
 * the step that would have caught the previous tool's 140 mislabelled files.
 */
public final class PageVerifier {

  private final PageClassifier classifier;

  public PageVerifier(PageClassifier classifier) {
    this.classifier = classifier;
  }

  public void verify(Exchange exchange) {
    ResultPage page = exchange.getMessage().getBody(ResultPage.class);
    CombinationWork work = CombinationWork.of(exchange);
    work.judged(page, classifier.classify(page, Run.of(exchange).catalogue().expectedEcho(work.combination())));
  }
}
