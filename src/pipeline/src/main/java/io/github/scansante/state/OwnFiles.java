package io.github.scansante.state;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Placeholder with the agreed API; replaced by the tracked implementation. */
public final class OwnFiles {

  public static final String TEMP_SUFFIX = ".scansante-part";
  public static final String TEMP_LOG = "temp-files.log";

  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  private final Path outputDir;

  public OwnFiles(Path outputDir) {
    this.outputDir = outputDir;
  }

  public Path outputDir() {
    return outputDir;
  }

  public void replace(Path target, Body body) throws IOException {
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      body.write(out);
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public void replaceText(Path target, String text) throws IOException {
    replace(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  public OutputStream append(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    return Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
  }

  public int sweepTemporaryFiles() throws IOException {
    return 0;
  }
}
