package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.bool;
import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.GoValues;
import dev.wharf.template.TemplateFunction;
import java.util.List;
import java.util.Map;

/** Sprig's defaulting functions ({@code defaults.go}) and {@code fail}. */
final class DefaultFunctions {

  private DefaultFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("default", fn(1, -1, a -> a.size() < 2 || empty(a.get(1)) ? a.get(0) : a.get(1)));
    m.put("empty", fn(1, a -> empty(a.get(0))));
    m.put("coalesce", fn(0, -1, DefaultFunctions::coalesce));
    m.put("ternary", fn(3, a -> bool(a, 2) ? a.get(0) : a.get(1)));
    m.put(
        "fail",
        fn(
            1,
            a -> {
              throw new IllegalStateException(str(a, 0));
            }));
  }

  /** Sprig's {@code empty}: nil, zero numbers, false and empty strings, lists and maps. */
  static boolean empty(Object v) {
    return !GoValues.isTrue(v);
  }

  private static Object coalesce(List<Object> a) {
    return a.stream().filter(v -> !empty(v)).findFirst().orElse(null);
  }
}
