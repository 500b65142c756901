package io.github.scansante;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped or aborted test and its reason on the build's console. Surefire only counts
 * skips, and sends what tests print to files (redirectTestOutputToFile), so a skip would say
 * nothing of why. Registered through META-INF/services; shared through the replica's test jar.
 */
public final class SkippedTestsOnConsole implements TestExecutionListener {

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    print(test, "skipped", reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      print(test, "skipped", result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private static void print(TestIdentifier test, String what, String reason) {
    String name = test.getSource()
        .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
        .map(m -> simpleName(m.getClassName()) + "." + m.getMethodName() + displaySuffix(test, m))
        .orElse(test.getDisplayName());
    CONSOLE.println("[SKIPPED] " + name + ": " + Optional.ofNullable(reason).orElse("no reason given"));
  }

  private static String displaySuffix(TestIdentifier test, MethodSource m) {
    String display = test.getDisplayName();
    return display.startsWith(m.getMethodName() + "(") ? "" : " [" + display + "]";
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** The process's own stderr, which surefire relays to the console, not the captured System.err. */
  private static final PrintStream CONSOLE =
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
}
