package io.github.scansante.config;

import io.github.scansante.run.RefreshPolicy;
import java.time.ZoneId;
import org.quartz.CronExpression;

/** The unattended side of {@code serve}: the Quartz refresh and the JMX connector's port. */
public record ScheduleSettings(boolean enabled, String cron, ZoneId timeZone, RefreshPolicy.Mode refresh, int jmxPort) {

  static final int MAX_PORT = 65_535;

  static ScheduleSettings read(PropertyValues v) {
    String cron = v.text("schedule.cron");
    if (!CronExpression.isValidExpression(cron)) {
      throw new InvalidSettingException("schedule.cron", cron,
          "use a Quartz cron expression, seconds first, such as '0 0 3 ? * MON'");
    }
    return new ScheduleSettings(v.bool("schedule.enabled"), cron, v.zone("schedule.time-zone"),
        v.choice("schedule.refresh", RefreshPolicy.Mode.class), v.wholeInt("jmx.port", 1, MAX_PORT, "(a TCP port)"));
  }
}
