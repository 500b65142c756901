package io.github.scansante.service;

import io.github.scansante.run.RunJournal;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * DOWN when the last run did not complete: it was killed or failed, and its journal waits under
 * the output folder for the next run to resume it.
 */
final class LastRunCompletedCheck extends ProjectHealthCheck {

  private final RunStatus runs;

  LastRunCompletedCheck(RunStatus runs) {
    super("last-run-completed");
    this.runs = runs;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    runs.lastCompleted().ifPresentOrElse(last -> builder.detail("last.completed", last.id() + " ended " + last.ended()),
        () -> builder.detail("last.completed", "none yet"));
    if (runs.interrupted()) {
      builder.message("a run did not complete; the next run resumes it (journal under " + RunJournal.STATE_DIR + ")").down();
    } else {
      builder.up();
    }
  }
}
