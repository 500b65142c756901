package io.github.scansante.ops;

/** Endpoints of routes/extraction.yaml that code outside the routes sends to. */
public final class RunRoutes {

  /** Makes the pass of a run already begun (body: its RunInfo). */
  public static final String PASS = "direct:run-pass";

  private RunRoutes() {}
}
