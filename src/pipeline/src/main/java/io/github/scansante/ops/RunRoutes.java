package io.github.scansante.ops;

/** Endpoints of routes/extraction.yaml that code outside the routes sends to. */
public final class RunRoutes {

  /**
   * Begins a run for the {@link io.github.scansante.run.Trigger} in the body and makes its pass;
   * answers its RunSummary, or the exception that ended it early (RunStoppedException,
   * SiteUnreachableException), its journal kept for resume.
   */
  public static final String RUN = "direct:run";
  /** Makes the pass of a run already begun (body: its Run). */
  public static final String PASS = "direct:run-pass";

  private RunRoutes() {}
}
