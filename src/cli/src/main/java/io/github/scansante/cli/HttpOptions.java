package io.github.scansante.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** serve's HTTP face: status page, /observe/health and /observe/metrics on one port. */
class HttpOptions {

  private static final int MAX_PORT = 65_535;

  @Option(names = "--http-port", paramLabel = "P", description = "Serve the status page, /observe/health and /observe/metrics on this port (default: off; http.port).")
  Integer port;

  @Option(names = "--http-host", paramLabel = "ADDR", description = "Address to bind (default 127.0.0.1). Any other address needs --http-token-file.")
  String host;

  @Option(names = "--http-token-file", paramLabel = "FILE", description = "File whose first line is the token the run form must carry.")
  Path tokenFile;

  /** Adds the overrides for the options given; bad values are a {@link UsageException}. */
  void addTo(Map<String, String> overrides) {
    if (port == null) {
      if (host != null || tokenFile != null) {
        throw new UsageException("--http-host and --http-token-file need --http-port");
      }
      return;
    }
    if (port < 1 || port > MAX_PORT) {
      throw new UsageException("--http-port must be between 1 and " + MAX_PORT + ", not " + port);
    }
    overrides.put("http.enabled", "true");
    overrides.put("http.port", Integer.toString(port));
    if (tokenFile != null) {
      if (!Files.isRegularFile(tokenFile) || !Files.isReadable(tokenFile)) {
        throw new UsageException("--http-token-file " + tokenFile + ": no such readable file");
      }
      overrides.put("http.token-file", tokenFile.toString());
    }
    if (host != null) {
      if (!isLoopback(host) && tokenFile == null) {
        throw new UsageException("--http-host " + host + " is not a loopback address: give --http-token-file too, so that only holders of the token can start a run");
      }
      overrides.put("http.host", host);
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UsageException("--http-host " + host + ": unknown address");
    }
  }
}
