package dev.wharf.template.values;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Go's {@code time.Time} as a template value: what Sprig's {@code now} and {@code toDate} return.
 * It prints as Go prints a time and encodes to JSON as Go's RFC 3339 text.
 */
public final class GoTime {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx", Locale.ROOT);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

  private final ZonedDateTime time;

  public GoTime(ZonedDateTime time) {
    this.time = time;
  }

  /** The instant with its zone. */
  public ZonedDateTime time() {
    return time;
  }

  /** Go's {@code Time.String}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  @Override
  public String toString() {
    return time.format(SECONDS) + fraction() + " " + time.format(OFFSET) + " " + zoneName();
  }

  /** Go's JSON form, RFC 3339 with nanoseconds as needed. */
  public String rfc3339() {
    String offset =
        time.getOffset().equals(ZoneOffset.UTC)
            ? "Z"
            : time.format(DateTimeFormatter.ofPattern("xxx", Locale.ROOT));
    return time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT))
        + fraction()
        + offset;
  }

  private String fraction() {
    if (time.getNano() == 0) {
      return "";
    }
    return "." + String.format("%09d", time.getNano()).replaceAll("0+$", "");
  }

  /** The zone abbreviation Go prints ({@code UTC}, {@code CET}), or the offset when none. */
  public String zoneName() {
    ZoneId zone = time.getZone();
    if (zone.equals(ZoneOffset.UTC) || zone.getId().equals("UTC") || zone.getId().equals("Z")) {
      return "UTC";
    }
    if (zone instanceof ZoneOffset) {
      return time.format(OFFSET);
    }
    return time.format(ZONE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GoTime t && t.time.equals(time);
  }

  @Override
  public int hashCode() {
    return time.hashCode();
  }
}
