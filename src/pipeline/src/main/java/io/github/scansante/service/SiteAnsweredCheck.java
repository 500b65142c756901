package io.github.scansante.service;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/** UP while the site answered the last request sent to it (or none was sent yet). */
final class SiteAnsweredCheck extends ProjectHealthCheck {

  private final SiteRequestWatch watch;

  SiteAnsweredCheck(SiteRequestWatch watch) {
    super("site-answered");
    this.watch = watch;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    watch.lastAttempt().ifPresentOrElse(attempt -> {
      builder.detail("last.request", attempt.describe());
      if (attempt.answered()) {
        builder.up();
      } else {
        builder.message("the site did not answer the last request: " + attempt.describe()).down();
      }
    }, () -> builder.detail("last.request", "none since start").up());
  }
}
