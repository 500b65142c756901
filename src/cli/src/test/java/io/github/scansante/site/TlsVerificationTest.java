package io.github.scansante.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.scansante.cli.Cli;
import io.github.scansante.flow.ManifestRow;
import io.github.scansante.page.Outcome;
import io.github.scansante.run.ManifestWriter;
import io.github.scansante.run.RunJournal;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Certificates are verified for https sites: against a local server with a self-signed certificate
 * (valid for 127.0.0.1, but trusted by no one), no request gets through and nothing is written.
 */
class TlsVerificationTest {

  private static final char[] PASSWORD = "changeit".toCharArray();

  @Test
  void a_self_signed_certificate_fails_the_landing_and_every_submit(@TempDir Path dir) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger handshakes = new AtomicInteger();
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)) {
      @Override
      public void configure(HttpsParameters params) {
        handshakes.incrementAndGet();
        super.configure(params);
      }
    });
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
    try {
      Path out = dir.resolve("out");
      String site = "https://127.0.0.1:" + server.getAddress().getPort();
      // Two submits that both fail stay under the give-up threshold (3 unanswered attempts).
      Cli.Result r = Cli.run(site, out, "--limit", "2", "--set", "retry.max-retries=1", "--set", "circuit.give-up-attempts=3");
      assertEquals(0, r.exitCode(), r.err());
      List<ManifestRow> rows = ManifestWriter.read(out.resolve(RunJournal.MANIFEST));
      assertEquals(2, rows.size());
      for (ManifestRow row : rows) {
        assertEquals(Outcome.FAILED, row.outcome());
        assertTrue(row.reason().startsWith("TLS: PKIX path building failed"), row.reason());
        assertTrue(row.reason().endsWith("(not retried)"), row.reason());
        assertEquals("", row.file());
      }
      assertEquals(3, handshakes.get(), "the landing page and 2 submits, once each: an untrusted certificate is not retried");
      assertEquals(0, requests.get(), "no HTTP request got past the handshake");
      try (var files = Files.walk(out)) {
        assertTrue(files.map(out::relativize).noneMatch(p -> p.getNameCount() > 1 && !p.startsWith(RunJournal.STATE_DIR) && p.toString().endsWith(".csv")),
            "no data file under the hierarchy");
      }

      // With more to ask, the run gives up on a site it cannot trust, naming the cause.
      Cli.Result gaveUp = Cli.run(site, dir.resolve("out2"), "--limit", "5", "--set", "circuit.give-up-attempts=2");
      assertEquals(69, gaveUp.exitCode(), gaveUp.err());
      assertTrue(gaveUp.err().contains(site) && gaveUp.err().contains("TLS: PKIX path building failed"), gaveUp.err());
    } finally {
      server.stop(0);
    }
  }

  /** A TLS context serving a fresh self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
  private static SSLContext selfSigned(Path dir) throws Exception {
    Path keystore = dir.resolve("site.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "site", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", new String(PASSWORD)).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(keys.getKeyManagers(), null, null);
    return tls;
  }
}
