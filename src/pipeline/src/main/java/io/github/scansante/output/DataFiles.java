package io.github.scansante.output;

import io.github.scansante.flow.CombinationWork;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.camel.Exchange;

/**
 * Writes a combination's data file under the output folder through the file API, so that the
 * user's folder name is only ever a path, never read as URI or placeholder syntax. The file is
 * written under a temporary name ({@link #PART_SUFFIX}) and moved into place when complete.
 */
public final class DataFiles {

  public static final String PART_SUFFIX = ".part";

  private final Path outputDir;
  private final OutputLayout layout;

  public DataFiles(Path outputDir, OutputLayout layout) {
    this.outputDir = outputDir;
    this.layout = layout;
  }

  /** Writes the body (the CSV text) as the combination's file and notes its path and checksum on the work. */
  public void write(Exchange exchange) throws IOException {
    CombinationWork work = CombinationWork.of(exchange);
    String relative = layout.relativePath(work.combination());
    Path target = outputDir.resolve(relative);
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + PART_SUFFIX);
    Files.deleteIfExists(part);
    MessageDigest sha256 = sha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), sha256)) {
      out.write(exchange.getMessage().getMandatoryBody(String.class).getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    } catch (org.apache.camel.InvalidPayloadException e) {
      Files.deleteIfExists(part);
      throw new IllegalStateException(e);
    }
    try {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    work.written(relative, HexFormat.of().formatHex(sha256.digest()));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
