package io.github.scansante.run;

import io.github.scansante.state.OwnFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code .scansante/run.properties}: the run that has not completed, what defines it, and how far it
 * got. Written whole and atomically, so that it is either the old or the new one; one that is empty
 * or damaged anyway (edited, or a disk that lied) is set aside with a warning, never a crash.
 */
final class RunStateFile {

  private static final Logger LOG = LoggerFactory.getLogger(RunStateFile.class);

  /** How far an unfinished run got: its pass, or the finishing (manifest done; master, report, history next). */
  enum Phase { PASS, FINISHING }

  record State(String id, String trigger, String plan, Instant started, String identity, Phase phase) {

    State finishing() {
      return new State(id, trigger, plan, started, identity, Phase.FINISHING);
    }

    RunInfo info(long resumed) {
      return new RunInfo(id, trigger, plan, started, resumed);
    }
  }

  private RunStateFile() {}

  static Optional<State> read(Path file) {
    if (Files.isSymbolicLink(file)) {
      LOG.warn("{} is a symbolic link, which is not followed: the unfinished run it may describe is not resumed", file);
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("Cannot read {} ({}): the unfinished run it described is not resumed", file, e.getMessage());
      return Optional.empty();
    }
    try {
      Properties p = new Properties();
      p.load(new StringReader(text));
      return Optional.of(new State(required(p, "id"), required(p, "trigger"), required(p, "plan"),
          Instant.parse(required(p, "started")), required(p, "identity"),
          Phase.valueOf(required(p, "phase").toUpperCase(Locale.ROOT))));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      LOG.warn("{} is damaged ({}): the unfinished run it described is not resumed", file, e.getMessage());
      return Optional.empty();
    }
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no " + key);
    }
    return value;
  }

  static void write(OwnFiles files, Path file, State state) {
    Properties p = new Properties();
    p.setProperty("id", state.id());
    p.setProperty("trigger", state.trigger());
    p.setProperty("plan", state.plan());
    p.setProperty("started", state.started().toString());
    p.setProperty("identity", state.identity());
    p.setProperty("phase", state.phase().name().toLowerCase(Locale.ROOT));
    StringWriter text = new StringWriter();
    try {
      p.store(text, "a run that has not completed; removed when it completes");
      files.replaceText(file, text.toString());
    } catch (IOException e) {
      throw new JournalUnwritableException(file, e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
