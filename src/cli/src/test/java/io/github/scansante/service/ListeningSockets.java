package io.github.scansante.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets this JVM listens on, as the kernel reports them: the LISTEN rows of
 * /proc/net/tcp and tcp6 whose inode is one of /proc/self/fd's sockets.
 */
final class ListeningSockets {

  static final Path TCP4 = Path.of("/proc/net/tcp");
  private static final Path TCP6 = Path.of("/proc/net/tcp6");
  private static final Path OWN_FDS = Path.of("/proc/self/fd");
  private static final String LISTEN = "0A";
  /** 127.0.0.0/8 as /proc writes it (little-endian hex, last byte 7F), plain or IPv4-mapped in tcp6. */
  private static final String IPV4_MAPPED = "0000000000000000FFFF0000";
  private static final String IPV6_LOOPBACK = "00000000000000000000000001000000";

  /** A listening socket: its local address (hex, as /proc writes it) and port. */
  record Socket(String address, int port) {
    boolean loopback() {
      String v4 = address.startsWith(IPV4_MAPPED) ? address.substring(IPV4_MAPPED.length()) : address;
      return v4.length() == 8 && v4.endsWith("7F") || address.equals(IPV6_LOOPBACK);
    }
  }

  private ListeningSockets() {}

  static List<Socket> ofThisProcess() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(OWN_FDS)) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring("socket:[".length(), target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // a descriptor closed while listing
        }
      }
    }
    List<Socket> found = new ArrayList<>();
    for (Path table : List.of(TCP4, TCP6)) {
      if (!Files.isReadable(table)) {
        continue;
      }
      List<String> lines = Files.readAllLines(table);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        String[] local = f[1].split(":");
        if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
          found.add(new Socket(local[0], Integer.parseInt(local[1], 16)));
        }
      }
    }
    return found;
  }
}
