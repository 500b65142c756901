package io.github.scansante.service;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A check of this project in /observe/health, group {@code scansante}. They are readiness checks
 * only: a site that is down or a failed run make the service not ready, never a reason to restart it.
 */
abstract class ProjectHealthCheck extends AbstractHealthCheck {

  static final String GROUP = "scansante";

  ProjectHealthCheck(String id) {
    super(GROUP, id);
  }

  @Override
  public boolean isLiveness() {
    return false;
  }
}
