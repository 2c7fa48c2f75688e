package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.template.values.GoTime;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DateFunctionsTest {

  private static final ZonedDateTime T =
      ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 120_000_000, ZoneOffset.UTC);

  @Test
  void dateInZone_formatsUnixSecondsWithGoLayouts() {
    assertThat(call("dateInZone", "2006-01-02T15:04:05Z07:00", 1700000000L, "UTC"))
        .isEqualTo("2023-11-14T22:13:20Z");
    assertThat(call("htmlDateInZone", 1700000000L, "UTC")).isEqualTo("2023-11-14");
    assertThat(call("date_in_zone", "15:04 MST", 1700000000L, "UTC")).isEqualTo("22:13 UTC");
  }

  @Test
  void goLayout_coversNamesPaddingFractionsAndOffsets() {
    assertThat(GoLayout.format(T, "Mon Jan 2, 2006")).isEqualTo("Tue Mar 5, 2024");
    assertThat(GoLayout.format(T, "Monday January _2 03:04:05 PM"))
        .isEqualTo("Tuesday March  5 02:07:09 PM");
    assertThat(GoLayout.format(T, "06-1-2 3:4:5.000 .999")).isEqualTo("24-3-5 2:7:9.120 .12");
    ZonedDateTime plus = T.withZoneSameInstant(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(GoLayout.format(plus, "-0700 -07:00 Z07:00")).isEqualTo("+0530 +05:30 +05:30");
    assertThat(GoLayout.format(T, "20060102-150405z")).isEqualTo("20240305-140709z");
  }

  @Test
  void toDate_parsesWithLayout_andDateFormatsIt() {
    Object t = call("toDate", "2006-01-02", "2024-03-05");
    assertThat(call("date", "Mon Jan 2, 2006", t)).isEqualTo("Tue Mar 5, 2024");
    assertThat(
            call("unixEpoch", call("toDate", "2006-01-02T15:04:05Z07:00", "2023-11-14T22:13:20Z")))
        .isEqualTo("1700000000");
  }

  @Test
  void goLayoutParse_readsTwelveHourClocksOffsetsAndFractions() {
    ZonedDateTime t =
        GoLayout.parse(
            "Jan _2 2006 03:04:05.000 PM -07:00",
            "Mar  5 2024 02:07:09.120 PM +05:30",
            ZoneOffset.UTC);
    assertThat(t.toLocalDateTime()).isEqualTo(T.toLocalDateTime());
    assertThat(t.getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(GoLayout.parse("06-01-02", "69-01-02", ZoneOffset.UTC).getYear()).isEqualTo(1969);
    assertThat(GoLayout.parse("06-01-02", "68-01-02", ZoneOffset.UTC).getYear()).isEqualTo(2068);
  }

  @Test
  void toDate_badText_givesGoZeroTime() {
    assertThat(((GoTime) call("toDate", "2006-01-02", "nope")).time().getYear()).isEqualTo(1);
    assertThat(call("typeOf", call("now"))).isEqualTo("time.Time");
  }

  @Test
  void dateModify_addsGoDurations_andIgnoresBadOnes() {
    GoTime t = new GoTime(T);
    assertThat(call("dateModify", "1h30m", t)).isEqualTo(new GoTime(T.plusMinutes(90)));
    assertThat(call("date_modify", "-1.5h", t)).isEqualTo(new GoTime(T.minusMinutes(90)));
    assertThat(call("dateModify", "later", t)).isEqualTo(t);
    assertThat(DateFunctions.parseDuration("300ms")).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void ago_printsGoDuration() {
    assertThat(DateFunctions.formatSeconds(3723)).isEqualTo("1h2m3s");
    assertThat(DateFunctions.formatSeconds(120)).isEqualTo("2m0s");
    assertThat(DateFunctions.formatSeconds(0)).isEqualTo("0s");
    assertThat(
            (String)
                call("ago", new GoTime(ZonedDateTime.now(ZoneId.systemDefault()).minusSeconds(65))))
        .isIn("1m5s", "1m6s");
  }
}
