package io.github.scansante.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * The users allowed on the JMX connector, from a password file in the JDK's format: one
 * {@code user password} a line, {@code #} comments. Like the JDK's own agent, it refuses a file that
 * anyone but its owner can read. Passwords are compared in constant time; anonymous and wrong
 * credentials are refused alike.
 */
public final class JmxCredentials implements JMXAuthenticator {

  /** The read-only user of a generated file; any other user may also invoke operations. */
  public static final String MONITOR = "monitor";
  /** The read-write user of a generated file. */
  public static final String CONTROL = "control";

  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE);
  private static final int PASSWORD_BYTES = 24;

  private final Map<String, byte[]> passwords;

  private JmxCredentials(Map<String, byte[]> passwords) {
    this.passwords = passwords;
  }

  /** Why a password file cannot be used: one sentence, naming the file and what to do. */
  public static final class UnusableFile extends Exception {
    private static final long serialVersionUID = 1L;

    UnusableFile(String reason) {
      super(reason);
    }
  }

  /**
   * Reads a password file the user gave.
   *
   * @throws UnusableFile when it is missing, readable by others than its owner, or not in the format
   */
  public static JmxCredentials read(Path file) throws UnusableFile {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UnusableFile("cannot read the JMX password file " + file);
    }
    requireOwnerOnly(file);
    Map<String, byte[]> users = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnusableFile("cannot read the JMX password file " + file + " (" + e.getMessage() + ")");
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 2) {
        throw new UnusableFile("line " + (i + 1) + " of the JMX password file " + file
            + " is not of the form 'user password'");
      }
      users.put(fields[0], fields[1].getBytes(StandardCharsets.UTF_8));
    }
    if (users.isEmpty()) {
      throw new UnusableFile("the JMX password file " + file + " names no user ('user password' lines)");
    }
    return new JmxCredentials(users);
  }

  /**
   * The password file of the state folder: read when it exists, otherwise created, owner-only,
   * with a random password for {@value #MONITOR} (read-only) and {@value #CONTROL} (read-write).
   */
  public static JmxCredentials generatedIn(Path file) throws UnusableFile {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      create(file);
    }
    return read(file);
  }

  private static void create(Path file) throws UnusableFile {
    SecureRandom random = new SecureRandom();
    String text = "# JMX users of scansante serve: " + MONITOR + " reads attributes, " + CONTROL
        + " may also invoke operations (triggerRun).\n"
        + MONITOR + " " + password(random) + "\n" + CONTROL + " " + password(random) + "\n";
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(tmp);
      // Created owner-only from the start, so that the password is never readable by others.
      try (SeekableByteChannel out = Files.newByteChannel(tmp, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), ownerOnlyAttribute(file.getParent()))) {
        out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      // another process made it meanwhile: read theirs
    } catch (IOException e) {
      throw new UnusableFile("cannot create the JMX password file " + file + " (" + e.getMessage() + ")");
    }
  }

  private static FileAttribute<?>[] ownerOnlyAttribute(Path folder) {
    return Files.getFileAttributeView(folder, PosixFileAttributeView.class) == null
        ? new FileAttribute<?>[0]
        : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
  }

  private static String password(SecureRandom random) {
    byte[] bytes = new byte[PASSWORD_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void requireOwnerOnly(Path file) throws UnusableFile {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: its ACLs are the user's to set
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      throw new UnusableFile("cannot read the permissions of the JMX password file " + file);
    }
    if (!OWNER_ONLY.containsAll(permissions)) {
      throw new UnusableFile("the JMX password file " + file + " must be readable by its owner only, as the JDK's"
          + " JMX agent requires (chmod 600 " + file + ")");
    }
  }

  @Override
  public Subject authenticate(Object credentials) {
    if (!(credentials instanceof String[] pair) || pair.length != 2 || pair[0] == null || pair[1] == null) {
      throw new SecurityException("authentication required: a user name and a password");
    }
    byte[] expected = passwords.get(pair[0]);
    byte[] given = pair[1].getBytes(StandardCharsets.UTF_8);
    // Compared even for an unknown user, so that timing does not tell which users exist.
    boolean matches = MessageDigest.isEqual(expected == null ? new byte[given.length + 1] : expected, given);
    if (expected == null || !matches) {
      throw new SecurityException("invalid user name or password");
    }
    return new Subject(true, Set.of(new JMXPrincipal(pair[0])), Set.of(), Set.of());
  }
}
