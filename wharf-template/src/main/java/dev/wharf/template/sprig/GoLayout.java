package dev.wharf.template.sprig;

import dev.wharf.template.values.GoTime;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go's reference-time layouts ({@code "2006-01-02T15:04:05Z07:00"}): formatting and parsing of
 * {@link ZonedDateTime}s, token by token as Go's {@code time} package reads them.
 */
final class GoLayout {

  private static final String[] STD = {
    "January", "Jan", "Monday", "Mon", "MST", "2006", "002", "__2", "_2", "01", "02", "03", "04",
    "05", "06", "15", "1", "2", "3", "4", "5", "PM", "pm", "-07:00:00", "-070000", "-07:00",
    "-0700", "-07", "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07"
  };

  private GoLayout() {}

  /** A layout split into literal text and standard tokens (tokens start with a NUL marker). */
  static List<String> chunks(String layout) {
    List<String> out = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      String token = tokenAt(layout, i);
      if (token == null) {
        literal.append(layout.charAt(i++));
        continue;
      }
      if (literal.length() > 0) {
        out.add(literal.toString());
        literal.setLength(0);
      }
      out.add("\0" + token);
      i += token.length();
    }
    if (literal.length() > 0) {
      out.add(literal.toString());
    }
    return out;
  }

  private static String tokenAt(String s, int i) {
    char c = s.charAt(i);
    if ((c == '.' || c == ',') && i + 1 < s.length()) {
      char d = s.charAt(i + 1);
      if (d == '0' || d == '9') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) == d) {
          j++;
        }
        if (j >= s.length() || !Character.isDigit(s.charAt(j))) {
          return s.substring(i, j);
        }
      }
      return null;
    }
    for (String std : STD) {
      if (s.startsWith(std, i)) {
        if (std.equals("Mon") || std.equals("Jan")) {
          // "Month" is not a token in Go: Mon followed by a lower-case letter is literal.
          if (i + 3 < s.length() && Character.isLowerCase(s.charAt(i + 3))) {
            return null;
          }
        }
        return std;
      }
    }
    return null;
  }

  static String format(ZonedDateTime t, String layout) {
    StringBuilder out = new StringBuilder();
    for (String chunk : chunks(layout)) {
      if (chunk.charAt(0) != '\0') {
        out.append(chunk);
        continue;
      }
      String std = chunk.substring(1);
      int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
      switch (std) {
        case "January" -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case "Jan" -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case "Monday" ->
            out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        case "Mon" -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        case "MST" -> out.append(new GoTime(t).zoneName());
        case "2006" -> out.append(String.format("%04d", t.getYear()));
        case "06" -> out.append(String.format("%02d", Math.floorMod(t.getYear(), 100)));
        case "002" -> out.append(String.format("%03d", t.getDayOfYear()));
        case "__2" -> out.append(String.format("%3d", t.getDayOfYear()));
        case "01" -> out.append(String.format("%02d", t.getMonthValue()));
        case "1" -> out.append(t.getMonthValue());
        case "02" -> out.append(String.format("%02d", t.getDayOfMonth()));
        case "_2" -> out.append(String.format("%2d", t.getDayOfMonth()));
        case "2" -> out.append(t.getDayOfMonth());
        case "15" -> out.append(String.format("%02d", t.getHour()));
        case "03" -> out.append(String.format("%02d", hour12));
        case "3" -> out.append(hour12);
        case "04" -> out.append(String.format("%02d", t.getMinute()));
        case "4" -> out.append(t.getMinute());
        case "05" -> out.append(String.format("%02d", t.getSecond()));
        case "5" -> out.append(t.getSecond());
        case "PM" -> out.append(t.getHour() >= 12 ? "PM" : "AM");
        case "pm" -> out.append(t.getHour() >= 12 ? "pm" : "am");
        default -> {
          if (std.startsWith(".") || std.startsWith(",")) {
            out.append(fraction(t.getNano(), std));
          } else {
            out.append(offset(t.getOffset().getTotalSeconds(), std));
          }
        }
      }
    }
    return out.toString();
  }

  private static String fraction(int nanos, String std) {
    String digits = String.format("%09d", nanos).substring(0, std.length() - 1);
    if (std.charAt(1) == '9') {
      digits = digits.replaceAll("0+$", "");
      return digits.isEmpty() ? "" : std.charAt(0) + digits;
    }
    return std.charAt(0) + digits;
  }

  private static String offset(int seconds, String std) {
    if (std.startsWith("Z") && seconds == 0) {
      return "Z";
    }
    int abs = Math.abs(seconds);
    String sign = seconds < 0 ? "-" : "+";
    String hh = String.format("%02d", abs / 3600);
    String mm = String.format("%02d", abs / 60 % 60);
    String ss = String.format("%02d", abs % 60);
    String body = std.substring(1);
    return switch (body) {
      case "07:00:00" -> sign + hh + ":" + mm + ":" + ss;
      case "070000" -> sign + hh + mm + ss;
      case "07:00" -> sign + hh + ":" + mm;
      case "0700" -> sign + hh + mm;
      default -> sign + hh;
    };
  }

  /** Go's {@code time.ParseInLocation}; fails with a Go-like message. */
  static ZonedDateTime parse(String layout, String value, ZoneId zone) {
    LayoutParser p = new LayoutParser(value);
    for (String chunk : chunks(layout)) {
      if (chunk.charAt(0) != '\0') {
        p.literal(chunk);
      } else {
        p.token(chunk.substring(1));
      }
    }
    if (!p.atEnd()) {
      throw new DateTimeException(
          "parsing time \"" + value + "\": extra text: \"" + p.rest() + "\"");
    }
    return p.build(zone);
  }
}
