package io.github.scansante.output;

import io.github.scansante.flow.CombinationWork;
import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;

/**
 * Writes a combination's data file under the output folder through the file API, so that the
 * user's folder name is only ever a path, never read as URI or placeholder syntax. The file appears
 * under its name only once complete ({@link OwnFiles#replace}).
 */
public final class DataFiles {

  private final Path outputDir;
  private final OutputLayout layout;
  private final OwnFiles files;

  public DataFiles(Path outputDir, OutputLayout layout) {
    this.outputDir = outputDir;
    this.layout = layout;
    this.files = new OwnFiles(outputDir);
  }

  /** Writes the body (the CSV text) as the combination's file and notes its path and checksum on the work. */
  public void write(Exchange exchange) throws IOException {
    CombinationWork work = CombinationWork.of(exchange);
    String relative = layout.relativePath(work.combination());
    byte[] text;
    try {
      text = exchange.getMessage().getMandatoryBody(String.class).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidPayloadException e) {
      throw new IllegalStateException(e);
    }
    MessageDigest sha256 = sha256();
    files.replace(outputDir.resolve(relative), out -> {
      try (OutputStream digested = new DigestOutputStream(out, sha256)) {
        digested.write(text);
      }
    });
    work.written(relative, HexFormat.of().formatHex(sha256.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sha256 of a file on disk, as recorded in the manifest when it was written. */
  public static String sha256(Path file) {
    MessageDigest sha256 = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }
}
