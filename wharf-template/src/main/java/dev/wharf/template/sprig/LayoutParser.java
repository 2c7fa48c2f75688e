package dev.wharf.template.sprig;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** Reads a value against the tokens of a Go layout, one token at a time. */
final class LayoutParser {

  private final String value;
  private int pos;
  private int year = 1;
  private int month = 1;
  private int day = 1;
  private int hour;
  private int minute;
  private int second;
  private int nanos;
  private boolean pm;
  private boolean hasAmPm;
  private ZoneOffset offset;

  LayoutParser(String value) {
    this.value = value;
  }

  boolean atEnd() {
    return pos == value.length();
  }

  String rest() {
    return value.substring(pos);
  }

  private DateTimeException error(String what) {
    return new DateTimeException(
        "parsing time \"" + value + "\": cannot parse \"" + rest() + "\" as \"" + what + "\"");
  }

  void literal(String text) {
    if (!value.startsWith(text, pos)) {
      throw error(text);
    }
    pos += text.length();
  }

  private int digits(String std, int min, int max) {
    int start = pos;
    while (pos < value.length() && pos - start < max && Character.isDigit(value.charAt(pos))) {
      pos++;
    }
    if (pos - start < min) {
      pos = start;
      throw error(std);
    }
    return Integer.parseInt(value.substring(start, pos));
  }

  private int name(String std, boolean months, TextStyle style) {
    int count = months ? 12 : 7;
    for (int i = 1; i <= count; i++) {
      String n =
          months
              ? Month.of(i).getDisplayName(style, Locale.ENGLISH)
              : java.time.DayOfWeek.of(i).getDisplayName(style, Locale.ENGLISH);
      if (value.regionMatches(true, pos, n, 0, n.length())) {
        pos += n.length();
        return i;
      }
    }
    throw error(std);
  }

  void token(String std) {
    switch (std) {
      case "January" -> month = name(std, true, TextStyle.FULL);
      case "Jan" -> month = name(std, true, TextStyle.SHORT);
      case "Monday" -> name(std, false, TextStyle.FULL);
      case "Mon" -> name(std, false, TextStyle.SHORT);
      case "MST" -> zoneAbbreviation();
      case "2006" -> year = digits(std, 4, 4);
      case "06" -> {
        int yy = digits(std, 2, 2);
        year = yy >= 69 ? 1900 + yy : 2000 + yy;
      }
      case "01", "1" -> month = digits(std, std.length(), 2);
      case "02", "2" -> day = digits(std, std.length(), 2);
      case "_2" -> {
        if (pos < value.length() && value.charAt(pos) == ' ') {
          pos++;
        }
        day = digits(std, 1, 2);
      }
      case "002", "__2" -> digits(std, 1, 3);
      case "15" -> hour = digits(std, 1, 2);
      case "03", "3" -> hour = digits(std, std.length(), 2);
      case "04", "4" -> minute = digits(std, std.length(), 2);
      case "05", "5" -> second = digits(std, std.length(), 2);
      case "PM", "pm" -> amPm(std);
      default -> {
        if (std.startsWith(".") || std.startsWith(",")) {
          fraction(std);
        } else {
          zoneOffset(std);
        }
      }
    }
  }

  private void amPm(String std) {
    if (value.regionMatches(true, pos, "PM", 0, 2)) {
      pm = true;
    } else if (!value.regionMatches(true, pos, "AM", 0, 2)) {
      throw error(std);
    }
    hasAmPm = true;
    pos += 2;
  }

  private void fraction(String std) {
    if (pos >= value.length() || (value.charAt(pos) != '.' && value.charAt(pos) != ',')) {
      if (std.charAt(1) == '9') {
        return;
      }
      throw error(std);
    }
    pos++;
    int start = pos;
    while (pos < value.length() && Character.isDigit(value.charAt(pos))) {
      pos++;
    }
    String digits = (value.substring(start, pos) + "000000000").substring(0, 9);
    nanos = Integer.parseInt(digits);
  }

  private void zoneAbbreviation() {
    int start = pos;
    while (pos < value.length() && Character.isUpperCase(value.charAt(pos))) {
      pos++;
    }
    if (pos - start < 3) {
      pos = start;
      throw error("MST");
    }
    if (value.startsWith("UTC", start)) {
      offset = ZoneOffset.UTC;
    }
  }

  private void zoneOffset(String std) {
    if (std.startsWith("Z") && pos < value.length() && value.charAt(pos) == 'Z') {
      pos++;
      offset = ZoneOffset.UTC;
      return;
    }
    if (pos >= value.length() || (value.charAt(pos) != '+' && value.charAt(pos) != '-')) {
      throw error(std);
    }
    int sign = value.charAt(pos++) == '-' ? -1 : 1;
    String body = std.substring(1);
    int hh = digits(std, 2, 2);
    int mm = 0;
    int ss = 0;
    if (body.length() > 2) {
      if (body.charAt(2) == ':') {
        literal(":");
      }
      mm = digits(std, 2, 2);
      if (body.length() > 5) {
        if (body.charAt(4) == ':' || body.charAt(5) == ':') {
          literal(":");
        }
        ss = digits(std, 2, 2);
      }
    }
    offset = ZoneOffset.ofTotalSeconds(sign * (hh * 3600 + mm * 60 + ss));
  }

  ZonedDateTime build(ZoneId zone) {
    int h = hour;
    if (hasAmPm) {
      if (pm && h < 12) {
        h += 12;
      } else if (!pm && h == 12) {
        h = 0;
      }
    }
    LocalDateTime local = LocalDateTime.of(year, month, day, h, minute, second, nanos);
    return offset == null ? local.atZone(zone) : local.atZone(offset);
  }
}
