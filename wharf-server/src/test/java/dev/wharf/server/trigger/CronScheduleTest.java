package dev.wharf.server.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  @Test
  void lastAtOrBefore_dailySchedule_isTodayOrYesterdayAt21Utc() {
    CronSchedule daily = CronSchedule.parse("0 21 * * *");

    assertThat(daily.lastAtOrBefore(Instant.parse("2026-12-02T21:00:00Z")))
        .contains(Instant.parse("2026-12-02T21:00:00Z"));
    assertThat(daily.lastAtOrBefore(Instant.parse("2026-12-02T20:59:59Z")))
        .contains(Instant.parse("2026-12-01T21:00:00Z"));
    assertThat(daily.nextAfter(Instant.parse("2026-12-02T21:00:00Z")))
        .contains(Instant.parse("2026-12-03T21:00:00Z"));
  }

  @Test
  void nextAfter_weekdayNames_skipTheWeekend() {
    assertThat(
            CronSchedule.parse("0 21 * * Mon-Fri")
                .nextAfter(Instant.parse("2026-12-04T22:00:00Z"))) // a Friday
        .contains(Instant.parse("2026-12-07T21:00:00Z"));
  }

  @Test
  void lastAtOrBefore_matchesAMinuteByMinuteSearch() {
    Random random = new Random(11);
    for (String text : List.of("*/7 * * * *", "5,35 3-5 * * *", "0 0 1 * *", "30 12 * * Sun")) {
      CronSchedule schedule = CronSchedule.parse(text);
      for (int i = 0; i < 20; i++) {
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(40_000_000));
        assertThat(schedule.lastAtOrBefore(at))
            .as(text + " at " + at)
            .contains(bruteForce(text, at));
      }
    }
  }

  @Test
  void parse_wrongSchedules_sayWhatIsWrong() {
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid schedule \"61 * * * *\"");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 21 * * *"))
        .hasMessageContaining("exactly 5 fields");
    assertThatThrownBy(() -> CronSchedule.parse(" ")).hasMessageContaining("needs a schedule");
  }

  /** Walks back minute by minute, checking each field as cron defines it. */
  private static Instant bruteForce(String text, Instant at) {
    String[] fields = text.split(" ");
    ZonedDateTime t = at.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    while (true) {
      if (matches(fields[0], t.getMinute())
          && matches(fields[1], t.getHour())
          && matches(fields[2], t.getDayOfMonth())
          && matches(fields[3], t.getMonthValue())
          && matches(fields[4].replace("Sun", "0"), t.getDayOfWeek().getValue() % 7)) {
        return t.toInstant();
      }
      t = t.minusMinutes(1);
    }
  }

  private static boolean matches(String field, int value) {
    for (String part : field.split(",")) {
      if (part.equals("*")) {
        return true;
      }
      if (part.startsWith("*/")) {
        if (value % Integer.parseInt(part.substring(2)) == 0) {
          return true;
        }
      } else if (part.contains("-")) {
        String[] range = part.split("-");
        if (value >= Integer.parseInt(range[0]) && value <= Integer.parseInt(range[1])) {
          return true;
        }
      } else if (Integer.parseInt(part) == value) {
        return true;
      }
    }
    return false;
  }
}
