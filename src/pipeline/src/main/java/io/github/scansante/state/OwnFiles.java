package io.github.scansante.state;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every file the project writes under the output folder goes through here, because the folder is
 * the user's: a temporary file has a name of its own ({@link #TEMP_SUFFIX}) and is recorded in
 * {@link #TEMP_LOG} before it exists, so that cleaning up after a killed run deletes only what this
 * project made; and no write goes through a symbolic link, so that nothing lands outside the output.
 * A link at the output folder itself is the user's choice and is followed.
 */
public final class OwnFiles {

  /** The project's own folder inside the output: journals, run state, the temporary-files log. */
  public static final String STATE_DIR = ".scansante";
  public static final String TEMP_SUFFIX = ".scansante-part";
  /** Lives in {@code <output>/.scansante/}. */
  public static final String TEMP_LOG = "temp-files.log";
  private static final Logger LOG = LoggerFactory.getLogger(OwnFiles.class);
  /** Random bytes in a temporary name: two writers of one target never meet. */
  private static final int TEMP_ID_BYTES = 8;
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  /** One process's writers share the log: a sweep never empties it under a writer recording. */
  private static final Object LOG_LOCK = new Object();

  private final Path outputDir;
  private final Path root;

  public OwnFiles(Path outputDir) {
    this.outputDir = outputDir;
    this.root = outputDir.toAbsolutePath().normalize();
  }

  public Path outputDir() {
    return outputDir;
  }

  /** Writes the content of a file to the stream it is given; closing that stream is allowed and harmless. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** Creates the file at the path it is given (a tool that writes files by name, such as DuckDB's COPY). */
  @FunctionalInterface
  public interface FileBody {
    void write(Path temporary) throws IOException;
  }

  /**
   * Atomic replace: a tracked temporary beside the target, fsync'd, then ATOMIC_MOVE over it. A
   * link at the target is replaced, never followed. Refuses (IOException with a clear message) a
   * target outside the output or whose folder, between the output and the target, is or passes
   * through a symbolic link. Creates missing folders (no-follow).
   */
  public void replace(Path target, Body body) throws IOException {
    Path t = checked(target);
    Path temp = newTemporary(t);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS)) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        body.write(new KeptOpen(out));
        out.flush();
        channel.force(true);
      }
      Files.move(temp, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  /** {@link #replace} with UTF-8 text. */
  public void replaceText(Path target, String text) throws IOException {
    replace(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * {@link #replace} for a writer that creates the file itself: it is given a tracked temporary
   * name beside the target, must leave a regular file there, and that file is fsync'd and moved.
   */
  public void replaceFile(Path target, FileBody body) throws IOException {
    Path t = checked(target);
    Path temp = newTemporary(t);
    try {
      body.write(temp);
      if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("cannot write " + t + ": the writer left no file at " + temp.getFileName());
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
        channel.force(true);
      }
      Files.move(temp, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException | Error e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  /** Opens for appending, creating if missing, never through a link (NOFOLLOW_LINKS, same folder checks). */
  public OutputStream append(Path target) throws IOException {
    Path t = checked(target);
    refuseLink(t, t);
    try {
      return Files.newOutputStream(t, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      refuseLink(t, t); // a link made since the check: say so rather than "too many levels of symbolic links"
      throw e;
    }
  }

  /**
   * Deletes only the temporary files this project recorded in TEMP_LOG and that still exist; then
   * empties the log. Returns the count. Never deletes anything not recorded; ignores recorded names
   * that are not under the output or do not end with TEMP_SUFFIX. A recorded file that cannot be
   * deleted stays in the log for the next sweep.
   */
  public int sweepTemporaryFiles() throws IOException {
    synchronized (LOG_LOCK) {
      Path log = logFile(false);
      if (log == null || !Files.exists(log, LinkOption.NOFOLLOW_LINKS)) {
        return 0;
      }
      refuseLink(log, log);
      List<String> kept = new ArrayList<>();
      int deleted = 0;
      // A kill while recording can leave a torn last line: it ends with no suffix, and is ignored.
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        Path temp = recorded(line);
        if (temp == null || !Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try {
          Files.delete(temp);
          deleted++;
        } catch (IOException e) {
          LOG.warn("Cannot remove the temporary file {} ({}); the next run tries again", temp, e.toString());
          kept.add(line);
        }
      }
      try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
          LinkOption.NOFOLLOW_LINKS)) {
        for (String line : kept) {
          channel.write(ByteBuffer.wrap(("\n" + line + "\n").getBytes(StandardCharsets.UTF_8)));
        }
      }
      if (deleted > 0) {
        LOG.info("Removed {} temporary files left by an interrupted run", deleted);
      }
      return deleted;
    }
  }

  /** The path a log line names, or null when it is not one of this project's temporary files under the output. */
  private Path recorded(String line) {
    if (line.isBlank() || !line.endsWith(TEMP_SUFFIX)) {
      return null;
    }
    try {
      Path p = root.resolve(line).normalize();
      if (!p.startsWith(root) || p.equals(root) || passesThroughLink(p.getParent())) {
        return null;
      }
      return p;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /** Records a fresh temporary name beside the target, before anything is created under it. */
  private Path newTemporary(Path target) throws IOException {
    byte[] id = new byte[TEMP_ID_BYTES];
    RANDOM.nextBytes(id);
    Path temp = target.resolveSibling(target.getFileName() + "." + HexFormat.of().formatHex(id) + TEMP_SUFFIX);
    String line = "\n" + root.relativize(temp).toString().replace(temp.getFileSystem().getSeparator(), "/") + "\n";
    synchronized (LOG_LOCK) {
      // Each line is framed by newlines and written in one call: a torn line never swallows the next.
      try (FileChannel channel = FileChannel.open(logFile(true), StandardOpenOption.CREATE, StandardOpenOption.APPEND,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
      } catch (IOException e) {
        refuseLink(root.resolve(STATE_DIR).resolve(TEMP_LOG), target);
        throw e;
      }
    }
    return temp;
  }

  /** The log's path; with {@code create}, its folder is made (no-follow). Null when its folder cannot hold it. */
  private Path logFile(boolean create) throws IOException {
    Path state = root.resolve(STATE_DIR);
    if (create) {
      folders(state, state);
    } else if (Files.isSymbolicLink(state) || !Files.isDirectory(state, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return state.resolve(TEMP_LOG);
  }

  /** The absolute target after the checks, its missing folders made. */
  private Path checked(Path target) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    if (!t.startsWith(root) || t.equals(root)) {
      throw new IOException("refusing to write " + target + ": it is not inside the output folder " + root);
    }
    String name = t.getFileName().toString();
    if (name.endsWith(TEMP_SUFFIX) || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      throw new IOException("refusing to write " + target + ": not a name for a file of the output");
    }
    folders(t.getParent(), t);
    return t;
  }

  /** Makes each missing folder from the output down to {@code folder}; refuses a link or a file on the way. */
  private void folders(Path folder, Path target) throws IOException {
    Path p = root;
    for (Path name : root.relativize(folder)) {
      if (name.toString().isEmpty()) {
        continue;
      }
      p = p.resolve(name);
      refuseLink(p, target);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createDirectory(p);
        } catch (FileAlreadyExistsException raced) {
          refuseLink(p, target);
        }
      }
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException("refusing to write " + target + ": " + p + " is not a folder");
      }
    }
  }

  /** Whether a folder between the output and {@code folder} (included) is a symbolic link. */
  private boolean passesThroughLink(Path folder) {
    Path p = root;
    for (Path name : root.relativize(folder)) {
      if (name.toString().isEmpty()) {
        continue;
      }
      p = p.resolve(name);
      if (Files.isSymbolicLink(p)) {
        return true;
      }
    }
    return false;
  }

  private static void refuseLink(Path p, Path target) throws IOException {
    if (Files.isSymbolicLink(p)) {
      throw new IOException("refusing to write " + target + ": " + p + " is a symbolic link, which the pipeline does not follow");
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // recorded in the log: the next run's sweep removes it
    }
  }

  /** The stream a body sees: closing it flushes, so that the file can still be synced and moved. */
  private static final class KeptOpen extends FilterOutputStream {
    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
