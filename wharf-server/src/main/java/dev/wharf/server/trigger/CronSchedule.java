package dev.wharf.server.trigger;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A timer's schedule: five cron fields (minute, hour, day of month, month, day of week), read in
 * UTC, as ACR's timer triggers are. Occurrences fall on whole minutes.
 */
public final class CronSchedule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String text;
  private final ExecutionTime times;

  private CronSchedule(String text, Cron cron) {
    this.text = text;
    this.times = ExecutionTime.forCron(cron);
  }

  /**
   * Reads a schedule; a wrong one is an {@link IllegalArgumentException} that says what is wrong.
   */
  public static CronSchedule parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a timer needs a schedule, e.g. \"0 21 * * *\"");
    }
    String trimmed = text.trim();
    if (trimmed.length() > 200 || trimmed.split("\\s+").length != 5) {
      throw new IllegalArgumentException(
          "a schedule has exactly 5 fields (minute hour day-of-month month day-of-week, UTC), e.g."
              + " \"0 21 * * *\": "
              + abbreviate(trimmed));
    }
    try {
      Cron cron = PARSER.parse(trimmed);
      cron.validate();
      return new CronSchedule(trimmed, cron);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "invalid schedule \"" + abbreviate(trimmed) + "\": " + e.getMessage(), e);
    }
  }

  /** The latest occurrence at or before {@code instant}, if the schedule ever fires before it. */
  public Optional<Instant> lastAtOrBefore(Instant instant) {
    ZonedDateTime at = instant.atZone(ZoneOffset.UTC);
    ZonedDateTime minute = at.truncatedTo(ChronoUnit.MINUTES);
    if (times.isMatch(minute)) {
      return Optional.of(minute.toInstant());
    }
    return times.lastExecution(at).map(ZonedDateTime::toInstant);
  }

  /** The first occurrence after {@code instant}. */
  public Optional<Instant> nextAfter(Instant instant) {
    return times.nextExecution(instant.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toInstant);
  }

  @Override
  public String toString() {
    return text;
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
