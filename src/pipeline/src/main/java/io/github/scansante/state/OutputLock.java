package io.github.scansante.state;

import io.github.scansante.text.UserText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scansante command per output folder, across processes: an OS lock on
 * {@code .scansante/run.lock}, held from before Camel starts until the command ends. The OS drops
 * the lock of a process that dies, however it dies, so a lock file left behind never blocks: its
 * text (who holds it) is read only when the lock is refused, and the next holder rewrites it.
 */
public final class OutputLock implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  public static final String FILE = "run.lock";
  // The lock covers one byte well past the holder's text: where locks are mandatory (Windows), a
  // refused process can still read who holds it.
  private static final long LOCKED_BYTE = 1L << 20;
  private static final int MAX_TEXT_BYTES = 4096;
  // Closing a second channel on a file this JVM has locked would drop the lock (POSIX locks belong
  // to the process), so holders in this JVM are looked up here before any channel is opened.
  private static final Map<Path, Holder> HELD = new HashMap<>();

  /** Who holds an output folder: written into the lock file once it is locked. */
  public record Holder(long pid, Instant started, String command) {

    static Holder current(String command) {
      ProcessHandle self = ProcessHandle.current();
      Instant started = self.info().startInstant().orElseGet(Instant::now).truncatedTo(ChronoUnit.SECONDS);
      return new Holder(self.pid(), started, command);
    }

    String text() {
      return "pid=" + pid + "\nstarted=" + started + "\ncommand=" + command + "\n";
    }

    /** The holder a lock file names; empty when its text is missing, partly written or not ours. */
    static Optional<Holder> parse(String text) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(text));
        String command = p.getProperty("command");
        if (command == null) {
          return Optional.empty();
        }
        return Optional.of(new Holder(Long.parseLong(p.getProperty("pid")), Instant.parse(p.getProperty("started")), command));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }

    /** e.g. {@code pid 1234, started 2026-12-02T14:00:00Z, command run}. */
    public String describe() {
      return "pid " + pid + ", started " + started + ", command " + UserText.clip(command);
    }
  }

  /** The output folder is held by another command, in another process or in this one. */
  public static final class InUse extends IllegalStateException {
    private final transient Optional<Holder> holder;

    InUse(Path outputDir, Optional<Holder> holder) {
      super("the output folder " + UserText.clip(outputDir.toString()) + " is in use by " + holder
          .map(h -> (h.pid() == ProcessHandle.current().pid() ? "another command of this scansante process ("
              : "another scansante process (") + h.describe() + ")")
          .orElse("another scansante process that is just starting"));
      this.holder = holder;
    }

    public Optional<Holder> holder() {
      return holder;
    }
  }

  private final Path key;
  private final FileChannel channel;
  private final Holder holder;

  private OutputLock(Path key, FileChannel channel, Holder holder) {
    this.key = key;
    this.channel = channel;
    this.holder = holder;
  }

  /**
   * Locks the output folder (created if missing) for this process's command, or throws {@link InUse}
   * naming the holder. An I/O error means the folder cannot be locked at all.
   */
  public static synchronized OutputLock acquire(Path outputDir, String command) throws IOException {
    Path state = Files.createDirectories(outputDir.resolve(OwnFiles.STATE_DIR));
    Path path = state.resolve(FILE);
    Path key = state.toRealPath().resolve(FILE);
    Holder held = HELD.get(key);
    if (held != null) {
      throw new InUse(outputDir, Optional.of(held));
    }
    if (Files.isSymbolicLink(path)) {
      // Said plainly; NOFOLLOW_LINKS below also refuses one that appears in between.
      throw new FileSystemException(path.toString(), null, "a symbolic link stands where the lock file goes");
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw new InUse(outputDir, Holder.parse(read(channel)));
      }
      Holder me = Holder.current(command);
      // A dead holder's text goes: only the live holder is ever named.
      channel.truncate(0);
      try {
        channel.write(ByteBuffer.wrap(me.text().getBytes(StandardCharsets.UTF_8)), 0);
      } catch (IOException e) {
        // A full disk: the lock holds all the same; a refused process names nobody, and the run
        // itself reports the disk when it writes its state.
        LOG.warn("Cannot write who holds {} ({}): the lock holds all the same", path, e.getMessage());
      }
      HELD.put(key, me);
      return new OutputLock(key, channel, me);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock(LOCKED_BYTE, 1, false);
    } catch (OverlappingFileLockException e) {
      return null; // locked through another channel of this JVM, not through this class
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer text = ByteBuffer.allocate(MAX_TEXT_BYTES);
    int read;
    do {
      read = channel.read(text, text.position());
    } while (read > 0 && text.hasRemaining());
    return new String(text.array(), 0, text.position(), StandardCharsets.UTF_8);
  }

  public Holder holder() {
    return holder;
  }

  /** Releases the folder; its text is cleared first, while it is still held, so it never names a holder that is gone. */
  @Override
  public void close() {
    synchronized (OutputLock.class) {
      if (!channel.isOpen()) {
        return;
      }
      HELD.remove(key);
      try {
        channel.truncate(0);
      } catch (IOException e) {
        LOG.debug("Clearing {}", key, e);
      }
      try {
        channel.close(); // releases the lock
      } catch (IOException e) {
        LOG.warn("Releasing the lock {}: {}", key, e.getMessage());
      }
    }
  }
}
