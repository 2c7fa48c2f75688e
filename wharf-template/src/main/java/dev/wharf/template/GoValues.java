package dev.wharf.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's view of template values: truthiness, kinds and {@code fmt.Sprint} printing.
 *
 * <p>The value model shared by the evaluator, the builtins and Sprig: {@code null} is Go's nil;
 * {@link String}; {@link Boolean}; integers are {@link Long} (other integral {@link Number}s are
 * accepted); floats are {@link Double}; {@link List} is a slice; {@link Map} with {@link String}
 * keys is a map (printed in key order); a {@link Record} is a struct.
 */
public final class GoValues {

  private GoValues() {}

  /** Go's truth: false, 0, nil, and empty strings, slices and maps are false. */
  public static boolean isTrue(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue() != 0;
    }
    if (value instanceof Number n) {
      return n.longValue() != 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value.getClass().isArray()) {
      return java.lang.reflect.Array.getLength(value) != 0;
    }
    return true;
  }

  /** Go's {@code reflect.Kind} name of a value ({@code string}, {@code int}, {@code slice}, …). */
  public static String kind(Object value) {
    if (value == null) {
      return "invalid";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Double || value instanceof Float) {
      return "float64";
    }
    if (value instanceof Number) {
      return "int";
    }
    if (value instanceof Collection<?> || value.getClass().isArray()) {
      return "slice";
    }
    if (value instanceof Map<?, ?>) {
      return "map";
    }
    if (value instanceof TemplateFunction) {
      return "func";
    }
    return "struct";
  }

  /** Prints a value as Go's {@code fmt.Sprint} does for one operand ({@code %v}). */
  public static String sprint(Object value) {
    return GoFormat.sprint(java.util.Collections.singletonList(value));
  }

  /** Go's {@code %v} for a float64: shortest representation, exponent for large or tiny values. */
  public static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    return FloatDigits.format(d, 'g', -1);
  }

  /** A slice value as a list (arrays and collections). */
  public static List<Object> asList(Object value) {
    if (value instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Object> l = (List<Object>) list;
      return l;
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    int n = java.lang.reflect.Array.getLength(value);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(java.lang.reflect.Array.get(value, i));
    }
    return out;
  }

  /** A map value with its keys in Go's printing order. */
  // Callers rely on the sorted type: it says the order is Go's printing order.
  @SuppressWarnings("NonApiType")
  public static TreeMap<String, Object> sorted(Map<?, ?> map) {
    TreeMap<String, Object> out = new TreeMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }
}
