package dev.wharf.template.values;

import dev.wharf.template.GoValues;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Go's {@code encoding/json} output for template values: sorted map keys, HTML characters escaped,
 * compact or indented.
 */
public final class GoJson {

  private GoJson() {}

  /** {@code json.Marshal}: compact JSON. */
  public static String compact(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, null, "");
    return out.toString();
  }

  /** {@code json.MarshalIndent(v, "", indent)}. */
  public static String indented(Object value, String indent) {
    StringBuilder out = new StringBuilder();
    write(out, value, indent, "");
    return out.toString();
  }

  private static void write(StringBuilder out, Object v, String indent, String prefix) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String s) {
      quote(out, s);
    } else if (v instanceof Boolean b) {
      out.append(b);
    } else if (v instanceof Double || v instanceof Float) {
      out.append(number(((Number) v).doubleValue()));
    } else if (v instanceof Number n) {
      out.append(n.longValue());
    } else if (v instanceof GoTime t) {
      quote(out, t.rfc3339());
    } else if (v instanceof Map<?, ?> map) {
      writeMap(out, GoValues.sorted(map), indent, prefix);
    } else if (v instanceof Collection<?> || v.getClass().isArray()) {
      writeList(out, GoValues.asList(v), indent, prefix);
    } else {
      quote(out, GoValues.sprint(v));
    }
  }

  private static void writeMap(
      StringBuilder out, Map<String, Object> map, String indent, String prefix) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    String inner = indent == null ? prefix : prefix + indent;
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      newline(out, indent, inner);
      quote(out, e.getKey());
      out.append(indent == null ? ":" : ": ");
      write(out, e.getValue(), indent, inner);
    }
    newline(out, indent, prefix);
    out.append('}');
  }

  private static void writeList(
      StringBuilder out, java.util.List<Object> list, String indent, String prefix) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    String inner = indent == null ? prefix : prefix + indent;
    out.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      newline(out, indent, inner);
      write(out, list.get(i), indent, inner);
    }
    newline(out, indent, prefix);
    out.append(']');
  }

  private static void newline(StringBuilder out, String indent, String prefix) {
    if (indent != null) {
      out.append('\n').append(prefix);
    }
  }

  /** Go's float encoding: plain digits, exponent form below 1e-6 and from 1e21. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("json: unsupported value: " + GoValues.formatFloat(d));
    }
    double abs = Math.abs(d);
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String s = GoValues.formatFloat(d);
      return s.replaceFirst("e([+-])0(\\d)$", "e$1$2");
    }
    if (d == Math.rint(d)) {
      return new BigDecimal(d).toPlainString();
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  /** Appends {@code s} as a JSON string escaped as Go's encoding/json does ({@code <>&} too). */
  public static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
