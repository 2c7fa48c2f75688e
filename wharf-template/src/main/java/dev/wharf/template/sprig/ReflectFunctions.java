package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.GoValues;
import dev.wharf.template.TemplateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's type inspection and deep copy/compare functions ({@code reflect.go}). */
final class ReflectFunctions {

  private ReflectFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("typeOf", fn(1, a -> Args.typeName(a.get(0))));
    m.put("typeIs", fn(2, a -> str(a, 0).equals(Args.typeName(a.get(1)))));
    m.put("typeIsLike", fn(2, a -> typeIsLike(str(a, 0), a.get(1))));
    m.put("kindOf", fn(1, a -> GoValues.kind(a.get(0))));
    m.put("kindIs", fn(2, a -> str(a, 0).equals(GoValues.kind(a.get(1)))));
    m.put("deepEqual", fn(2, a -> deepEqual(a.get(0), a.get(1))));
    m.put("deepCopy", fn(1, a -> deepCopy(a.get(0))));
  }

  private static boolean typeIsLike(String target, Object v) {
    String t = Args.typeName(v);
    return target.equals(t) || ("*" + target).equals(t);
  }

  /** Go's {@code reflect.DeepEqual} over template values: types must match, then contents. */
  static boolean deepEqual(Object x, Object y) {
    if (x == null || y == null) {
      return x == y;
    }
    if (!Args.typeName(x).equals(Args.typeName(y))) {
      return false;
    }
    if (x instanceof Number nx && y instanceof Number ny) {
      return (x instanceof Double || x instanceof Float)
          ? nx.doubleValue() == ny.doubleValue()
          : nx.longValue() == ny.longValue();
    }
    if (Args.isList(x)) {
      List<Object> lx = GoValues.asList(x);
      List<Object> ly = GoValues.asList(y);
      if (lx.size() != ly.size()) {
        return false;
      }
      for (int i = 0; i < lx.size(); i++) {
        if (!deepEqual(lx.get(i), ly.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
      if (mx.size() != my.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : mx.entrySet()) {
        if (!my.containsKey(e.getKey()) || !deepEqual(e.getValue(), my.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return x.equals(y);
  }

  /** A copy of nested lists and maps; scalars are immutable and shared. */
  static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, val) -> out.put(String.valueOf(k), deepCopy(val)));
      return out;
    }
    if (Args.isList(v)) {
      List<Object> out = new ArrayList<>();
      GoValues.asList(v).forEach(item -> out.add(deepCopy(item)));
      return out;
    }
    return v;
  }
}
