package io.github.scansante.config;

import io.github.scansante.run.RefreshPolicy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * The unattended side of {@code serve}: the Quartz refresh, the JMX connector's port and its users.
 *
 * @param jmxPasswordFile the JMX users' file; empty for the one generated in the output's state folder
 */
public record ScheduleSettings(boolean enabled, String cron, ZoneId timeZone, RefreshPolicy.Mode refresh, int jmxPort,
    Optional<Path> jmxPasswordFile) {

  static final int MAX_PORT = 65_535;

  static ScheduleSettings read(PropertyValues v) {
    String cron = v.text("schedule.cron");
    if (!CronExpression.isValidExpression(cron)) {
      throw new InvalidSettingException("schedule.cron", cron,
          "use a Quartz cron expression, seconds first, such as '0 0 3 ? * MON'");
    }
    return new ScheduleSettings(v.bool("schedule.enabled"), cron, v.zone("schedule.time-zone"),
        v.choice("schedule.refresh", RefreshPolicy.Mode.class), v.wholeInt("jmx.port", 1, MAX_PORT, "(a TCP port)"),
        passwordFile(v));
  }

  private static Optional<Path> passwordFile(PropertyValues v) {
    String file = v.text("jmx.password-file");
    try {
      return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    } catch (InvalidPathException e) {
      throw new InvalidSettingException("jmx.password-file", file, "use the path of a file, or nothing for a generated one");
    }
  }
}
