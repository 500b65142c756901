package io.github.scansante.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * application.properties for the commands that run without Camel (plan, simulate, demo's setup),
 * resolved as Camel resolves it: JVM system properties, then ./application.properties, then the
 * jar's copy.
 */
final class Defaults {

  private static final String FILE = "application.properties";

  private Defaults() {}

  static String get(String key) {
    String system = System.getProperty(key);
    if (system != null) {
      return system;
    }
    String value = load().getProperty(key);
    if (value == null) {
      throw new IllegalStateException("application.properties has no key " + key);
    }
    return value.strip();
  }

  static boolean has(String key) {
    return load().containsKey(key);
  }

  private static Properties load() {
    Properties props = new Properties();
    try (InputStream in = Defaults.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in != null) {
        props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      Path local = Path.of(FILE);
      if (Files.isRegularFile(local)) {
        try (Reader r = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
          props.load(r);
        }
      }
      return props;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
