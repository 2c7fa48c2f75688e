package dev.wharf.template.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTimeTest {

  @Test
  void toString_printsAsGoTimeString() {
    ZonedDateTime t = ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 120_000_000, ZoneOffset.UTC);
    assertThat(new GoTime(t)).hasToString("2024-03-05 14:07:09.12 +0000 UTC");
    assertThat(new GoTime(t.withNano(0).withZoneSameInstant(ZoneId.of("Europe/Paris"))))
        .hasToString("2024-03-05 15:07:09 +0100 CET");
  }

  @Test
  void json_isRfc3339() {
    ZonedDateTime t = ZonedDateTime.of(2024, 3, 5, 14, 7, 9, 0, ZoneOffset.ofHours(2));
    assertThat(GoJson.compact(Map.of("t", new GoTime(t))))
        .isEqualTo("{\"t\":\"2024-03-05T14:07:09+02:00\"}");
    assertThat(new GoTime(t.withZoneSameInstant(ZoneOffset.UTC)).rfc3339())
        .isEqualTo("2024-03-05T12:07:09Z");
  }
}
