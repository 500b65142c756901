package io.github.scansante.run;

import java.time.Instant;

/** Identity of a run; {@code resumed} counts combinations an interrupted pass had already finished. */
public record RunInfo(String id, String trigger, String plan, Instant started, long resumed) {}
