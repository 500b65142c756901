package io.github.scansante.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * UP when the output folder (or, before the first run, the folder that will hold it) can be
 * written and has room. Checked without writing anything into the user's folder.
 */
final class OutputWritableCheck extends ProjectHealthCheck {

  private final Path outputDir;
  private final long minFreeBytes;

  OutputWritableCheck(Path outputDir, long minFreeBytes) {
    super("output-writable");
    this.outputDir = outputDir.toAbsolutePath();
    this.minFreeBytes = minFreeBytes;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    builder.detail("output.dir", outputDir.toString());
    Path existing = outputDir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
      builder.message(outputDir + " cannot be written").down();
      return;
    }
    try {
      long free = Files.getFileStore(existing).getUsableSpace();
      builder.detail("free.bytes", free);
      if (free < minFreeBytes) {
        builder.message(outputDir + " has " + free + " bytes free, less than health.min-free-bytes=" + minFreeBytes).down();
      } else {
        builder.up();
      }
    } catch (IOException e) {
      builder.message("cannot read the free space of " + outputDir + ": " + e.getMessage()).error(e).down();
    }
  }
}
