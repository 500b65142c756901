package io.github.scansante.run;

import java.util.Locale;

/** What started a run. Unattended triggers refresh in the scheduled mode, the others in the command line's. */
public enum Trigger {
  CLI(false),
  DEMO(false),
  QUARTZ(true),
  JMX(true),
  /** The run form of serve's status page. */
  HTTP(true);

  private final boolean unattended;

  Trigger(boolean unattended) {
    this.unattended = unattended;
  }

  public boolean isUnattended() {
    return unattended;
  }

  /** The name written in run ids, runs.csv and logs, e.g. {@code quartz}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
