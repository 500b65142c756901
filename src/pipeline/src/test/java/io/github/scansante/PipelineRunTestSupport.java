package io.github.scansante;

import io.github.scansante.flow.ManifestRow;
import io.github.scansante.ops.RunRoutes;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import io.github.scansante.run.RunSummary;
import io.github.scansante.run.Trigger;
import io.github.scansante.site.RequestSpacing;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pass of the pipeline per test against a replica of its own, started with the test instance
 * (before the context, which reads its address). Quick by default, as the command line's tests run:
 * short retry delays and circuit pauses; a test sets its own keys in {@link #settings}.
 */
public abstract class PipelineRunTestSupport extends PipelineMainTestSupport {

  protected final ReplicaServer replica;
  @TempDir protected Path out;

  protected PipelineRunTestSupport(ReplicaConfig site) {
    this.replica = ReplicaServer.start(site);
  }

  /** A replica already started (for instance warmed up) that this test closes. */
  protected PipelineRunTestSupport(ReplicaServer replica) {
    this.replica = replica;
  }

  @AfterEach
  void stopReplica() {
    replica.close();
  }

  @Override
  protected final Properties overrides() {
    Properties p = against(replica.baseUri(), out);
    p.setProperty("retry.initial-delay-ms", "20");
    p.setProperty("retry.max-delay-ms", "200");
    p.setProperty("circuit.initial-pause-ms", "50");
    // The analysts' database has tests of its own; here it would only add a second per pass.
    p.setProperty("database.duckdb.enabled", "false");
    settings(p);
    return p;
  }

  /** This test's keys over the defaults above. */
  protected abstract void settings(Properties p);

  /** One pass of the plan, as {@code run} starts it; a run that ends early throws. */
  protected RunSummary run() {
    Object result = context.createProducerTemplate().requestBody(RunRoutes.RUN, Trigger.CLI);
    if (result instanceof RuntimeException endedEarly) {
      throw endedEarly;
    }
    return (RunSummary) result;
  }

  protected List<ManifestRow> manifest() {
    return ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
  }

  /** The pipeline's record of when each request left: the spacing as sent, free of the server's dispatch delays. */
  protected RequestSpacing spacing() {
    return context.getRegistry().lookupByNameAndType("requestSpacing", RequestSpacing.class);
  }
}
