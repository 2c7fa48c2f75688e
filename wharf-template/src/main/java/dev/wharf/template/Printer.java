package dev.wharf.template;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** The state of one Go {@code fmt} print call (Go's {@code pp} and {@code fmt} types). */
final class Printer {

  private static final Object NO_ARG = new Object();

  final StringBuilder out = new StringBuilder();
  boolean sharp;
  boolean zero;
  boolean plus;
  boolean minus;
  boolean space;
  boolean sharpV;
  boolean plusV;
  int wid;
  boolean widPresent;
  int prec;
  boolean precPresent;

  /** The operand being printed, for {@code %!verb(type=value)}. */
  private Object current = NO_ARG;

  void clearFlags() {
    sharp = zero = plus = minus = space = sharpV = plusV = widPresent = precPresent = false;
    wid = prec = 0;
  }

  // ---- operands ----

  void printArg(Object arg, int verb) {
    current = arg;
    if (arg == null) {
      if (verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      padString(GoFormat.typeName(arg));
      return;
    }
    printValue(arg, verb, 0);
  }

  private void printValue(Object v, int verb, int depth) {
    if (depth > 0) {
      current = v;
    }
    if (v == null) {
      if (sharpV) {
        out.append("interface {}(nil)");
      } else if (depth > 0 || verb == 'v') {
        out.append("<nil>");
      } else {
        badVerb(verb);
      }
    } else if (v instanceof Boolean b) {
      if (verb == 't' || verb == 'v') {
        padString(b.toString());
      } else {
        badVerb(verb);
      }
    } else if (v instanceof Double || v instanceof Float) {
      fmtFloat(((Number) v).doubleValue(), verb);
    } else if (Values.isInt(v)) {
      fmtInteger(((Number) v).longValue(), verb);
    } else if (v instanceof String s) {
      fmtString(s, verb);
    } else if (v instanceof Map<?, ?> map) {
      out.append(sharpV ? GoFormat.typeName(v) + "{" : "map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : GoValues.sorted(map).entrySet()) {
        if (!first) {
          out.append(sharpV ? ", " : " ");
        }
        first = false;
        printValue(e.getKey(), verb, depth + 1);
        out.append(':');
        printValue(e.getValue(), verb, depth + 1);
      }
      out.append(sharpV ? '}' : ']');
    } else if (v instanceof Collection<?> || v.getClass().isArray()) {
      out.append(sharpV ? GoFormat.typeName(v) + "{" : "[");
      boolean first = true;
      for (Object item : GoValues.asList(v)) {
        if (!first) {
          out.append(sharpV ? ", " : " ");
        }
        first = false;
        printValue(item, verb, depth + 1);
      }
      out.append(sharpV ? '}' : ']');
    } else if (v instanceof Record record) {
      printRecord(record, verb, depth);
    } else if (v instanceof TemplateFunction) {
      if (verb == 'v') {
        padString("0x1");
      } else {
        badVerb(verb);
      }
    } else {
      fmtString(v.toString(), verb);
    }
  }

  private void printRecord(Record record, int verb, int depth) {
    if (sharpV) {
      out.append(GoFormat.typeName(record));
    }
    out.append('{');
    boolean first = true;
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      if (!first) {
        out.append(sharpV ? ", " : " ");
      }
      first = false;
      if (plusV || sharpV) {
        out.append(c.getName()).append(':');
      }
      printValue(Values.component(record, c), verb, depth + 1);
    }
    out.append('}');
  }

  private void badVerb(int verb) {
    out.append("%!").appendCodePoint(verb).append('(');
    Object arg = current;
    if (arg != null && arg != NO_ARG) {
      out.append(GoFormat.typeName(arg)).append('=');
      boolean savedSharpV = sharpV;
      printArg(arg, 'v');
      sharpV = savedSharpV;
    } else {
      out.append("<nil>");
    }
    out.append(')');
  }

  // ---- numbers ----

  private void fmtInteger(long v, int verb) {
    switch (verb) {
      case 'v', 'd' -> fmtInt(v, 10, false);
      case 'b' -> fmtInt(v, 2, false);
      case 'o', 'O' -> fmtIntOctal(v, verb == 'O');
      case 'x' -> fmtInt(v, 16, false);
      case 'X' -> fmtInt(v, 16, true);
      case 'c' -> padString(runeString(v));
      case 'q' -> {
        StringBuilder b = new StringBuilder("'");
        GoFormat.appendQuotedRune(b, validRune(v), '\'', plus);
        padString(b.append('\'').toString());
      }
      case 'U' -> {
        int cp = validRune(v);
        String s = String.format("U+%04X", v);
        if (sharp && v >= 0 && v <= Character.MAX_CODE_POINT && GoFormat.isPrint(cp)) {
          s += " '" + new String(Character.toChars(cp)) + "'";
        }
        padString(s);
      }
      default -> badVerb(verb);
    }
  }

  private static int validRune(long v) {
    if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v < 0xE000)) {
      return 0xFFFD;
    }
    return (int) v;
  }

  private static String runeString(long v) {
    return new String(Character.toChars(validRune(v)));
  }

  private void fmtIntOctal(long v, boolean prefixO) {
    String digits = Long.toOctalString(Math.abs(v));
    if (v == Long.MIN_VALUE) {
      digits = "1000000000000000000000";
    }
    String prefix = prefixO ? "0o" : sharp && !digits.equals("0") ? "0" : "";
    fmtDigits(v < 0, digits, prefix);
  }

  private void fmtInt(long v, int base, boolean upper) {
    String digits =
        v == Long.MIN_VALUE ? Long.toUnsignedString(v, base) : Long.toString(Math.abs(v), base);
    if (upper) {
      digits = digits.toUpperCase(Locale.ROOT);
    }
    String prefix = "";
    if (sharp && base == 16) {
      prefix = upper ? "0X" : "0x";
    } else if (sharp && base == 2) {
      prefix = "0b";
    }
    fmtDigits(v < 0, digits, prefix);
  }

  private void fmtDigits(boolean negative, String digits, String prefix) {
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (prec == 0 && digits.equals("0")) {
        writePadding(wid);
        return;
      }
    } else if (zero && widPresent) {
      precision = wid;
      if (negative || plus || space) {
        precision--;
      }
      precision -= prefix.length();
    }
    StringBuilder s = new StringBuilder();
    s.append(negative ? "-" : plus ? "+" : space ? " " : "");
    s.append(prefix);
    for (int i = digits.length(); i < precision; i++) {
      s.append('0');
    }
    s.append(digits);
    boolean savedZero = zero;
    zero = false;
    padString(s.toString());
    zero = savedZero;
  }

  private void fmtFloat(double v, int verb) {
    char fmt;
    int defaultPrec;
    switch (verb) {
      case 'v' -> {
        fmt = 'g';
        defaultPrec = -1;
      }
      case 'g', 'G', 'b', 'x', 'X' -> {
        fmt = (char) verb;
        defaultPrec = -1;
      }
      case 'e', 'E', 'f', 'F' -> {
        fmt = (char) verb;
        defaultPrec = 6;
      }
      default -> {
        badVerb(verb);
        return;
      }
    }
    int p = precPresent ? prec : defaultPrec;
    String num;
    if (Double.isNaN(v)) {
      num = "NaN";
    } else if (Double.isInfinite(v)) {
      num = v > 0 ? "+Inf" : "-Inf";
    } else {
      num =
          fmt == 'x' || fmt == 'X' || fmt == 'b'
              ? FloatDigits.binary(v, fmt)
              : FloatDigits.format(v, fmt, p);
    }
    if (!num.startsWith("-") && !num.startsWith("+")) {
      num = "+" + num;
    }
    if (space && num.charAt(0) == '+' && !plus) {
      num = " " + num.substring(1);
    }
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      boolean savedZero = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num = num.substring(1);
      }
      padString(num);
      zero = savedZero;
      return;
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && widPresent && wid > num.length()) {
        out.append(num.charAt(0));
        writePadding(wid - num.length());
        out.append(num, 1, num.length());
        return;
      }
      padString(num);
      return;
    }
    padString(num.substring(1));
  }

  // ---- strings ----

  private void fmtString(String s, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          padString(GoFormat.quote(s));
        } else {
          padString(truncate(s));
        }
      }
      case 's' -> padString(truncate(s));
      case 'x', 'X' -> fmtHex(s, verb == 'X');
      case 'q' -> {
        String t = truncate(s);
        if (sharp && t.indexOf('`') < 0 && t.chars().allMatch(c -> c >= ' ' || c == '\t')) {
          padString("`" + t + "`");
        } else {
          padString(GoFormat.quoteWith(t, '"', plus));
        }
      }
      default -> badVerb(verb);
    }
  }

  private String truncate(String s) {
    if (precPresent && s.codePointCount(0, s.length()) > prec) {
      return s.substring(0, s.offsetByCodePoints(0, prec));
    }
    return s;
  }

  private void fmtHex(String s, boolean upper) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int length = precPresent && prec < bytes.length ? prec : bytes.length;
    StringBuilder b = new StringBuilder();
    String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        b.append(' ');
      }
      if (sharp && (space || i == 0)) {
        b.append(upper ? "0X" : "0x");
      }
      b.append(digits.charAt((bytes[i] >> 4) & 0xf)).append(digits.charAt(bytes[i] & 0xf));
    }
    padString(b.toString());
  }

  private void padString(String s) {
    if (!widPresent || wid == 0) {
      out.append(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (width <= 0) {
      out.append(s);
    } else if (minus) {
      out.append(s);
      writePadding(width);
    } else {
      writePadding(width);
      out.append(s);
    }
  }

  private void writePadding(int n) {
    char c = zero ? '0' : ' ';
    for (int i = 0; i < n; i++) {
      out.append(c);
    }
  }
}
