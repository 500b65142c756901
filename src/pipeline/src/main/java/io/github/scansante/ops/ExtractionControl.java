package io.github.scansante.ops;

import io.github.scansante.run.RunCoordinator;
import io.github.scansante.run.RunInProgressException;
import io.github.scansante.run.Run;
import io.github.scansante.run.RunSummary;
import io.github.scansante.run.Trigger;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;

/**
 * The operator's handle on a long-running instance, exposed as {@code scansante:type=Extraction}:
 * start the configured plan now, and see what the instance is doing.
 */
@ManagedResource(description = "ScanSante extraction: trigger a run and follow it")
public class ExtractionControl {

  public static final String OBJECT_NAME = "scansante:type=Extraction";
  private final RunCoordinator coordinator;
  private final ProducerTemplate template;

  public ExtractionControl(RunCoordinator coordinator, ProducerTemplate template) {
    this.coordinator = coordinator;
    this.template = template;
  }

  @ManagedOperation(description = "Start the configured plan now; returns the run id, or says which run is in progress")
  public String triggerRun() {
    Run run;
    try {
      run = coordinator.begin(Trigger.JMX);
    } catch (RunInProgressException e) {
      return e.getMessage();
    }
    template.asyncSendBody(RunRoutes.PASS, run);
    return run.id();
  }

  @ManagedAttribute(description = "idle or running")
  public String getState() {
    return coordinator.isRunning() ? "running" : "idle";
  }

  @ManagedAttribute(description = "Combinations finished / planned in the current run")
  public String getProgress() {
    return coordinator.progressLine();
  }

  @ManagedAttribute(description = "Id of the run in progress, empty when idle")
  public String getCurrentRunId() {
    return coordinator.currentRunId();
  }

  @ManagedAttribute(description = "Counts of the last completed run")
  public String getLastRunSummary() {
    RunSummary last = coordinator.lastSummary();
    return last == null ? "" : last.oneLine();
  }
}
