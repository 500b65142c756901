package io.github.scansante.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.scansante.run.RunJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's lock within one JVM; across processes, the command-line tests drive real ones. */
class OutputLockTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void a_second_acquisition_in_the_same_jvm_is_refused_naming_the_holder(@TempDir Path out) throws IOException {
    try (OutputLock first = OutputLock.acquire(out, "serve")) {
      OutputLock.InUse refused = assertThrows(OutputLock.InUse.class, () -> OutputLock.acquire(out, "run"));
      assertEquals(first.holder(), refused.holder().orElseThrow());
      assertTrue(refused.getMessage().startsWith("the output folder " + out + " is in use by another command of this"
          + " scansante process (pid " + SELF + ", started "), refused.getMessage());
      assertTrue(refused.getMessage().endsWith(", command serve)"), refused.getMessage());
      assertEquals(first.holder(), OutputLock.Holder.parse(Files.readString(lockFile(out))).orElseThrow(), "the file names it too");
    }
    try (OutputLock again = OutputLock.acquire(out, "run")) {
      assertEquals("run", again.holder().command(), "released on close");
    }
  }

  @Test
  void another_path_to_the_same_folder_is_the_same_folder(@TempDir Path dir) throws IOException {
    Path out = Files.createDirectory(dir.resolve("out"));
    Path alias = Files.createSymbolicLink(dir.resolve("alias"), out);
    try (OutputLock held = OutputLock.acquire(out, "run")) {
      assertThrows(OutputLock.InUse.class, () -> OutputLock.acquire(alias, "run"));
    }
  }

  @Test
  void the_text_of_a_holder_that_is_gone_neither_blocks_nor_stays(@TempDir Path out) throws IOException {
    Files.createDirectories(lockFile(out).getParent());
    Files.writeString(lockFile(out), "pid=999999\nstarted=2020-01-01T00:00:00Z\ncommand=run\nleftover line of a longer text\n");
    try (OutputLock lock = OutputLock.acquire(out, "demo")) {
      assertEquals(SELF, OutputLock.Holder.parse(Files.readString(lockFile(out))).orElseThrow().pid());
      assertTrue(!Files.readString(lockFile(out)).contains("leftover"), "the old text is replaced, not overwritten in part");
    }
    assertEquals("", Files.readString(lockFile(out)), "cleared on release");
  }

  @Test
  void a_symbolic_link_at_the_lock_path_is_not_followed(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Path target = Files.writeString(dir.resolve("precious.txt"), "keep me");
    Files.createDirectories(lockFile(out).getParent());
    Files.createSymbolicLink(lockFile(out), target);
    IOException e = assertThrows(IOException.class, () -> OutputLock.acquire(out, "run"));
    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertEquals("keep me", Files.readString(target));
  }

  @Test
  void text_that_is_not_a_whole_holder_names_nobody() {
    assertTrue(OutputLock.Holder.parse("").isEmpty());
    assertTrue(OutputLock.Holder.parse("pid=12").isEmpty(), "cut while being written");
    assertTrue(OutputLock.Holder.parse("pid=x\nstarted=2020-01-01T00:00:00Z\ncommand=run\n").isEmpty());
  }

  private static Path lockFile(Path out) {
    return out.resolve(RunJournal.STATE_DIR).resolve(OutputLock.FILE);
  }
}
