package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.list;

import dev.wharf.template.TemplateFunction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Sprig's list functions ({@code list.go}); non-list arguments are errors as in Sprig. */
final class ListFunctions {

  private ListFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    TemplateFunction list = fn(0, -1, a -> new ArrayList<>(a));
    m.put("list", list);
    m.put("tuple", list);
    m.put("append", fn(2, a -> append(list(a.get(0), "push"), a.get(1), false)));
    m.put("prepend", fn(2, a -> append(list(a.get(0), "prepend"), a.get(1), true)));
    m.put("first", fn(1, a -> nth(list(a.get(0), "find first"), 0)));
    m.put("last", fn(1, a -> nth(list(a.get(0), "find last"), -1)));
    m.put("rest", fn(1, a -> part(list(a.get(0), "find rest"), 1, 0)));
    m.put("initial", fn(1, a -> part(list(a.get(0), "find initial"), 0, 1)));
    m.put("reverse", fn(1, a -> reverse(list(a.get(0), "find reverse"))));
    m.put("uniq", fn(1, a -> uniq(list(a.get(0), "find uniq"))));
    m.put(
        "without", fn(1, -1, a -> without(list(a.get(0), "find without"), a.subList(1, a.size()))));
    m.put("has", fn(2, a -> has(a.get(0), a.get(1))));
    m.put("compact", fn(1, a -> compact(list(a.get(0), "compact"))));
    m.put("slice", fn(1, -1, ListFunctions::slice));
    m.put("concat", fn(0, -1, ListFunctions::concat));
  }

  private static List<Object> append(List<Object> list, Object v, boolean front) {
    List<Object> out = new ArrayList<>(list);
    out.add(front ? 0 : out.size(), v);
    return out;
  }

  private static Object nth(List<Object> list, int i) {
    if (list.isEmpty()) {
      return null;
    }
    return list.get(i < 0 ? list.size() + i : i);
  }

  private static Object part(List<Object> list, int fromStart, int fromEnd) {
    if (list.isEmpty()) {
      return null;
    }
    return new ArrayList<>(list.subList(fromStart, list.size() - fromEnd));
  }

  private static List<Object> reverse(List<Object> list) {
    List<Object> out = new ArrayList<>(list);
    Collections.reverse(out);
    return out;
  }

  private static List<Object> uniq(List<Object> list) {
    List<Object> out = new ArrayList<>();
    for (Object item : list) {
      if (!contains(out, item)) {
        out.add(item);
      }
    }
    return out;
  }

  private static List<Object> without(List<Object> list, List<Object> omit) {
    List<Object> out = new ArrayList<>();
    for (Object item : list) {
      if (!contains(omit, item)) {
        out.add(item);
      }
    }
    return out;
  }

  private static boolean has(Object needle, Object haystack) {
    if (haystack == null) {
      return false;
    }
    return contains(list(haystack, "find has"), needle);
  }

  static boolean contains(List<Object> list, Object item) {
    return list.stream().anyMatch(x -> ReflectFunctions.deepEqual(x, item));
  }

  private static List<Object> compact(List<Object> list) {
    List<Object> out = new ArrayList<>();
    for (Object item : list) {
      if (!DefaultFunctions.empty(item)) {
        out.add(item);
      }
    }
    return out;
  }

  private static Object slice(List<Object> a) {
    List<Object> list = list(a.get(0), "slice");
    if (list.isEmpty()) {
      return null;
    }
    int start = a.size() > 1 ? (int) Args.toInt64(a.get(1)) : 0;
    int end = a.size() > 2 ? (int) Args.toInt64(a.get(2)) : list.size();
    if (start < 0 || end > list.size() || start > end) {
      throw new IndexOutOfBoundsException(
          "runtime error: slice bounds out of range [" + start + ":" + end + "]");
    }
    return new ArrayList<>(list.subList(start, end));
  }

  private static List<Object> concat(List<Object> lists) {
    List<Object> out = new ArrayList<>();
    for (Object l : lists) {
      if (!Args.isList(l)) {
        throw new IllegalArgumentException(
            "Cannot concat type " + (l == null ? "<nil>" : Args.typeName(l)) + " as list");
      }
      out.addAll(dev.wharf.template.GoValues.asList(l));
    }
    return out;
  }
}
