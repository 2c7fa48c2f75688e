package dev.wharf.template.sprig;

import dev.wharf.template.GoValues;
import dev.wharf.template.TemplateFunction;
import dev.wharf.template.values.GoTime;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Go's argument typing and the conversions Sprig applies to loosely typed arguments. */
final class Args {

  private Args() {}

  /** A string parameter: Go refuses anything but a string. */
  static String str(List<Object> args, int i) {
    Object v = args.get(i);
    if (v instanceof String s) {
      return s;
    }
    throw wrongType("string", v);
  }

  /** An int parameter: Go refuses anything but an integer. */
  static long integer(List<Object> args, int i) {
    Object v = args.get(i);
    if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
      return n.longValue();
    }
    throw wrongType("int", v);
  }

  /** A bool parameter. */
  static boolean bool(List<Object> args, int i) {
    Object v = args.get(i);
    if (v instanceof Boolean b) {
      return b;
    }
    throw wrongType("bool", v);
  }

  /** A map parameter ({@code map[string]interface {}}). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> dict(List<Object> args, int i) {
    Object v = args.get(i);
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw wrongType("map[string]interface {}", v);
  }

  static RuntimeException wrongType(String expected, Object got) {
    if (got == null) {
      return new IllegalArgumentException("invalid value; expected " + expected);
    }
    return new IllegalArgumentException(
        "wrong type for value; expected " + expected + "; got " + typeName(got));
  }

  /** Go's {@code %T} of a template value. */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    return switch (GoValues.kind(v)) {
      case "slice" -> v instanceof List<?> l && isStrings(l) ? "[]string" : "[]interface {}";
      case "map" -> "map[string]interface {}";
      case "struct" -> v instanceof GoTime ? "time.Time" : v.getClass().getSimpleName();
      default -> GoValues.kind(v);
    };
  }

  private static boolean isStrings(List<?> list) {
    return !list.isEmpty() && list.stream().allMatch(String.class::isInstance);
  }

  /** Sprig's {@code strval}: strings as they are, everything else printed with {@code %v}. */
  static String strval(Object v) {
    return v instanceof String s ? s : GoValues.sprint(v);
  }

  /** spf13/cast's {@code ToInt64}: numbers truncate, strings parse with Go's base prefixes. */
  static long toInt64(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      Long parsed = parseGoInt(s);
      return parsed == null ? 0 : parsed;
    }
    return 0;
  }

  /** spf13/cast's {@code ToFloat64}. */
  static double toFloat64(Object v) {
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.strip().equals(s) ? s : "x");
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }

  /** Go's {@code strconv.ParseInt(s, 0, 64)}, or null when the text is not an integer. */
  static Long parseGoInt(String s) {
    String t = s;
    boolean negative = false;
    if (t.startsWith("+") || t.startsWith("-")) {
      negative = t.startsWith("-");
      t = t.substring(1);
    }
    int radix = 10;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      t = t.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      t = t.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      t = t.substring(2);
    } else if (t.length() > 1 && t.startsWith("0")) {
      radix = 8;
      t = t.substring(1);
    }
    t = t.replace("_", "");
    int base = radix;
    if (t.isEmpty() || !t.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
      return null;
    }
    BigInteger value = new BigInteger(t, radix);
    if (negative) {
      value = value.negate();
    }
    return value.bitLength() < 64 ? value.longValue() : null;
  }

  /** Sprig's {@code strslice}: a list of strings from a slice (nils dropped) or one value. */
  static List<String> strslice(Object v) {
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v instanceof Collection<?> || v.getClass().isArray()) {
      for (Object item : GoValues.asList(v)) {
        if (item != null) {
          out.add(strval(item));
        }
      }
      return out;
    }
    out.add(strval(v));
    return out;
  }

  /** True when Go reflection would call this value a slice. */
  static boolean isList(Object v) {
    return v != null && (v instanceof Collection<?> || v.getClass().isArray());
  }

  /** A slice argument for Sprig's list functions, which refuse other kinds. */
  static List<Object> list(Object v, String what) {
    if (isList(v)) {
      return GoValues.asList(v);
    }
    throw new IllegalArgumentException(
        "Cannot " + what + " on type " + (v == null ? "<nil>" : typeName(v)));
  }

  static TemplateFunction fn(int arity, Function<List<Object>, Object> body) {
    return TemplateFunction.of(arity, body);
  }

  static TemplateFunction fn(int min, int max, Function<List<Object>, Object> body) {
    return TemplateFunction.of(min, max, body);
  }
}
