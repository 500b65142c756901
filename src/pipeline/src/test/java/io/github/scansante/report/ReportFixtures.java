package io.github.scansante.report;

import io.github.scansante.Fixtures;
import io.github.scansante.page.PageParser;
import io.github.scansante.page.ResultPage;
import io.github.scansante.replica.ReplicaConfig;
import io.github.scansante.replica.ReplicaServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

/**
 * The pages the report tests use, parsed: captured ones ({@link Fixtures} finds them or skips the
 * test) and the replica's, which every machine has.
 */
public final class ReportFixtures {

  public static final String FRANCE_2024_PUBLIC = "2024_fe_99_bpub_tous.html";
  public static final String EMPTY_TOTAL_ONLY = "2024_fe_99_bpub_empty-total-only.html";
  private static final String FRANCE_2024_PUBLIC_QUERY = "snatnav=&annee=2024&tgeo=fe&codegeo=99&base=bpub&typrgp=tous";

  private static ResultPage replicaFrance2024Public;

  private ReportFixtures() {}

  /** The captured page {@code name}, parsed; the test is skipped when the fixtures are absent. */
  public static ResultPage page(String name) {
    try {
      return new PageParser().parse(Files.readString(Fixtures.page(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** France 2024, public sector, all stays, as the replica serves it over HTTP; fetched once. */
  static synchronized ResultPage replicaFrance2024Public() {
    if (replicaFrance2024Public == null) {
      try (ReplicaServer replica = ReplicaServer.start(ReplicaConfig.defaults())) {
        HttpRequest request = HttpRequest.newBuilder(replica.submitUri(FRANCE_2024_PUBLIC_QUERY)).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        replicaFrance2024Public = new PageParser().parse(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return replicaFrance2024Public;
  }
}
