package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.TemplateFunction;
import dev.wharf.template.values.GoTime;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sprig's date functions ({@code date.go}); a {@link GoTime} is Go's {@code time.Time}. */
final class DateFunctions {

  private static final Pattern DURATION_PART = Pattern.compile("([0-9]*(?:\\.[0-9]*)?)([a-zµμ]+)");
  private static final ZonedDateTime GO_ZERO_TIME =
      ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private DateFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("now", fn(0, a -> new GoTime(ZonedDateTime.now(ZoneId.systemDefault()))));
    m.put("date", fn(2, a -> inZone(str(a, 0), a.get(1), "Local")));
    TemplateFunction inZone = fn(3, a -> inZone(str(a, 0), a.get(1), str(a, 2)));
    m.put("dateInZone", inZone);
    m.put("date_in_zone", inZone);
    m.put("htmlDate", fn(1, a -> inZone("2006-01-02", a.get(0), "Local")));
    m.put("htmlDateInZone", fn(2, a -> inZone("2006-01-02", a.get(0), str(a, 1))));
    TemplateFunction modify = fn(2, a -> new GoTime(modify(str(a, 0), time(a, 1))));
    m.put("dateModify", modify);
    m.put("date_modify", modify);
    m.put("ago", fn(1, a -> ago(a.get(0))));
    m.put("toDate", fn(2, a -> new GoTime(toDate(str(a, 0), str(a, 1)))));
    m.put("unixEpoch", fn(1, a -> Long.toString(time(a, 0).toEpochSecond())));
  }

  private static ZonedDateTime time(List<Object> a, int i) {
    if (a.get(i) instanceof GoTime t) {
      return t.time();
    }
    throw Args.wrongType("time.Time", a.get(i));
  }

  /** Sprig's date argument: a time, or Unix seconds; anything else means now. */
  static ZonedDateTime toTime(Object date) {
    if (date instanceof GoTime t) {
      return t.time();
    }
    if (date instanceof Long || date instanceof Integer) {
      return Instant.ofEpochSecond(((Number) date).longValue()).atZone(ZoneId.systemDefault());
    }
    return ZonedDateTime.now(ZoneId.systemDefault());
  }

  static ZoneId zone(String name) {
    if (name.equals("Local")) {
      return ZoneId.systemDefault();
    }
    if (name.isEmpty() || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  static String inZone(String layout, Object date, String zone) {
    return GoLayout.format(toTime(date).withZoneSameInstant(zone(zone)), layout);
  }

  private static ZonedDateTime modify(String duration, ZonedDateTime t) {
    Duration d = parseDuration(duration);
    return d == null ? t : t.plus(d);
  }

  private static String ago(Object date) {
    Duration since = Duration.between(toTime(date).toInstant(), Instant.now());
    long seconds = Math.round(since.toMillis() / 1000.0);
    return formatSeconds(seconds);
  }

  /** Go's {@code Duration.String} for a whole number of seconds. */
  static String formatSeconds(long seconds) {
    if (seconds == 0) {
      return "0s";
    }
    long abs = Math.abs(seconds);
    StringBuilder out = new StringBuilder(seconds < 0 ? "-" : "");
    if (abs >= 3600) {
      out.append(abs / 3600).append('h');
    }
    if (abs >= 60) {
      out.append(abs / 60 % 60).append('m');
    }
    return out.append(abs % 60).append('s').toString();
  }

  private static ZonedDateTime toDate(String layout, String value) {
    try {
      return GoLayout.parse(layout, value, ZoneId.systemDefault());
    } catch (DateTimeException e) {
      return GO_ZERO_TIME;
    }
  }

  /** Go's {@code time.ParseDuration}, or null when the text is not a duration. */
  static Duration parseDuration(String s) {
    String t = s;
    boolean negative = false;
    if (t.startsWith("-") || t.startsWith("+")) {
      negative = t.startsWith("-");
      t = t.substring(1);
    }
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (t.isEmpty()) {
      return null;
    }
    Matcher m = DURATION_PART.matcher(t);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < t.length()) {
      if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
        return null;
      }
      long unit =
          switch (m.group(2)) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> -1L;
          };
      if (unit < 0) {
        return null;
      }
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
      at = m.end();
    }
    long total = nanos.longValue();
    return Duration.ofNanos(negative ? -total : total);
  }
}
