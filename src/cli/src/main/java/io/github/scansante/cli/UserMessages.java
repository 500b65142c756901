package io.github.scansante.cli;

import io.github.scansante.config.InvalidSettingException;
import io.github.scansante.plan.PlanException;
import io.github.scansante.run.JournalUnwritableException;
import io.github.scansante.run.NothingVerifiableException;
import io.github.scansante.run.RunInProgressException;
import io.github.scansante.run.RunStoppedException;
import io.github.scansante.site.SiteUnreachableException;
import io.github.scansante.state.OutputLock;
import io.github.scansante.text.UserText;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.camel.PropertyBindingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns what went wrong into what the user reads: one sentence, the cause and
 * what to do, and an exit code. Exception classes and stack traces go to the log at debug level
 * ({@code -Dscansante.log-level=DEBUG}), never to the console.
 */
final class UserMessages {

  private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);
  // "java.io.IOException: " and the like, which wrapped exceptions put at the start of messages.
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

  private static final int MESSAGE_CHARS = 300;

  /** What the user reads, and the exit code. */
  record Failure(int exitCode, String message) {}

  private UserMessages() {}

  static Failure of(Throwable e, String command) {
    LOG.debug("{} failed", command, e);
    for (Throwable t = e; t != null; t = t.getCause()) {
      // Bad input found while Camel starts arrives wrapped in Camel's exceptions.
      if (t instanceof UsageException || t instanceof PlanException || t instanceof InvalidSettingException) {
        return new Failure(ExitCodes.USAGE, t.getMessage());
      }
      if (t instanceof OutputLock.InUse) {
        return new Failure(ExitCodes.OUTPUT_IN_USE, t.getMessage() + "; wait for it to end, or choose another --output");
      }
      if (t instanceof NothingVerifiableException) {
        return new Failure(ExitCodes.NOTHING_VERIFIABLE, command + " " + t.getMessage());
      }
      if (t instanceof SiteUnreachableException) {
        return new Failure(ExitCodes.SITE_UNREACHABLE, command + " gave up: " + t.getMessage()
            + "; the journal is kept: run the same command again to resume");
      }
      if (t instanceof JournalUnwritableException) {
        return new Failure(ExitCodes.JOURNAL_UNWRITABLE, command + " paused: " + t.getMessage()
            + "; nothing already written is lost: free some space (or make the folder writable) and run the same command again to resume");
      }
      if (t instanceof RunStoppedException) {
        return new Failure(ExitCodes.STOPPED, command + " stopped: " + t.getMessage()
            + "; the manifest lists what was done: run the same command again to resume");
      }
      if (t instanceof UserFailure f) {
        return new Failure(f.exitCode(), f.getMessage());
      }
      if (t instanceof PropertyBindingException binding) {
        String name = binding.getOptionKey() != null ? binding.getOptionKey() : binding.getPropertyName();
        String prefix = binding.getOptionPrefix() == null ? "" : binding.getOptionPrefix();
        String key = prefix.isEmpty() || prefix.endsWith(".") ? prefix + name : prefix + "." + name;
        return new Failure(ExitCodes.USAGE, UserText.clip(key) + " = '" + UserText.clip(String.valueOf(binding.getValue()))
            + "' is not an option Camel knows, or not a value it takes; check its name and value in Camel's documentation");
      }
    }
    Throwable root = root(e);
    if (e instanceof RunInProgressException || root instanceof RunInProgressException) {
      return new Failure(ExitCodes.FAILURE, plain(root) + "; wait for it to finish, or stop it first");
    }
    if (root instanceof OutOfMemoryError) {
      return new Failure(ExitCodes.FAILURE, command + " ran out of memory; give Java more with -Xmx, or a smaller input");
    }
    return new Failure(ExitCodes.FAILURE, command + " stopped: " + cause(e)
        + "; run again with -Dscansante.log-level=DEBUG for the details");
  }

  /** The cause of a failure in plain words, e.g. "connection refused", "no such file: x.csv". */
  static String cause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String known = known(t);
      if (known != null) {
        return known;
      }
    }
    return plain(root(e));
  }

  private static String known(Throwable t) {
    if (t instanceof HttpConnectTimeoutException) {
      return "the connection timed out";
    }
    if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
      return "no answer in time";
    }
    if (t instanceof ConnectException) {
      return "the connection was refused";
    }
    if (t instanceof UnknownHostException) {
      return "unknown host " + UserText.clip(t.getMessage());
    }
    if (t instanceof NoRouteToHostException) {
      return "no route to the host";
    }
    if (t instanceof SSLException) {
      return "the secure connection failed (" + plain(t) + ")";
    }
    if (t instanceof BindException) {
      return "the port is already in use";
    }
    if (t instanceof NoSuchFileException f) {
      return "no such file or folder: " + UserText.clip(f.getFile());
    }
    if (t instanceof AccessDeniedException f) {
      return "permission denied: " + UserText.clip(f.getFile());
    }
    if (t instanceof NotDirectoryException f) {
      return "not a folder: " + UserText.clip(f.getFile());
    }
    if (t instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT) + (f.getFile() == null ? "" : ": " + UserText.clip(f.getFile()));
    }
    if (t instanceof FileNotFoundException) {
      return plain(t);
    }
    return null;
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && (t instanceof UncheckedIOException || t.getMessage() == null
        || t.getMessage().equals(t.getCause().toString()) || t.getClass().getName().startsWith("org.apache.camel."))) {
      t = t.getCause();
    }
    return t;
  }

  /** A message without the class names Java puts in wrapped messages; a description when there is none. */
  private static String plain(Throwable t) {
    String message = t.getMessage() == null ? "" : CLASS_NAME.matcher(t.getMessage()).replaceAll("").strip();
    return message.isEmpty() ? "an unexpected internal error" : UserText.clip(message, MESSAGE_CHARS);
  }
}
