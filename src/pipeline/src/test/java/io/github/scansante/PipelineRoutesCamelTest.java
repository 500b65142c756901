package io.github.scansante;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.page.Outcome;
import io.github.scansante.page.Verdict;
import io.github.scansante.plan.Combination;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import io.github.scansante.run.RunSummary;
import io.github.scansante.run.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YAML routes under Camel Test: the real Main configuration and beans, the replica over HTTP,
 * and mock endpoints spying on the write and dead-letter routes. The replica here ignores every
 * grouping, as the real site does for a field it does not recognise.
 */
class PipelineRoutesCamelTest extends PipelineMainTestSupport {

  private static final ReplicaServer REPLICA = ReplicaServer.start(ReplicaConfig.builder().faults("ignore-grouping:every=1").build());

  @TempDir static Path out;

  @AfterAll
  static void stopReplica() {
    REPLICA.close();
  }

  @Override
  public void configureContext(CamelContextConfiguration camel) {
    super.configureContext(camel);
    camel.withMockEndpoints("direct:(write|dead-letter)");
  }

  @Override
  protected Properties overrides() {
    Properties p = against(REPLICA.baseUri(), out);
    p.setProperty("plan.years", "2024");
    p.setProperty("plan.limit", "8");
    return p;
  }

  @Test
  void a_grouping_the_server_ignored_never_reaches_the_write_route() throws Exception {
    MockEndpoint write = getMockEndpoint("mock:direct:write");
    MockEndpoint deadLetter = getMockEndpoint("mock:direct:dead-letter");
    write.expectedMessageCount(1);
    deadLetter.expectedMessageCount(7);

    RunSummary summary = context.createProducerTemplate().requestBody("direct:run", Trigger.CLI, RunSummary.class);

    MockEndpoint.assertIsSatisfied(context);
    assertEquals(Combination.allStays("2024", "fe", "99", "bpub"), combination(write.getExchanges().get(0)));
    for (Exchange dead : deadLetter.getExchanges()) {
      Verdict verdict = CombinationWork.of(dead).verdict();
      assertEquals(Outcome.GROUPING_NOT_APPLIED, verdict.outcome(), verdict.reason());
      assertTrue(verdict.reason().contains("blank"), verdict.reason());
      assertFalse(combination(dead).isAllStays());
    }
    assertEquals(1, summary.filesWritten());
    assertTrue(Files.isRegularFile(out.resolve("01_France_entiere/A_Publics_PSPH/1_Tous_sejours/2024_tous_sejours.csv")));
    assertFalse(Files.exists(out.resolve("01_France_entiere/A_Publics_PSPH/2_Activites_soins")), "no grouping folder at all");
  }

  private static Combination combination(Exchange exchange) {
    return CombinationWork.of(exchange).combination();
  }
}
