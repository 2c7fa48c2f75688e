package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.dict;
import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.str;
import static dev.wharf.template.sprig.Args.strval;

import dev.wharf.template.TemplateFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sprig's dictionary functions ({@code dict.go}); maps are Go maps, printed in key order. */
final class DictFunctions {

  private DictFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("dict", fn(0, -1, DictFunctions::dictOf));
    m.put("set", fn(3, a -> put(dict(a, 0), str(a, 1), a.get(2))));
    m.put("unset", fn(2, a -> remove(dict(a, 0), str(a, 1))));
    m.put("hasKey", fn(2, a -> dict(a, 0).containsKey(str(a, 1))));
    m.put("pluck", fn(1, -1, DictFunctions::pluck));
    m.put("keys", fn(0, -1, DictFunctions::keys));
    m.put("pick", fn(1, -1, a -> select(dict(a, 0), keyArgs(a), true)));
    m.put("omit", fn(1, -1, a -> select(dict(a, 0), keyArgs(a), false)));
    m.put("merge", fn(1, -1, a -> mergeAll(a, false)));
    m.put("mergeOverwrite", fn(1, -1, a -> mergeAll(a, true)));
    m.put("values", fn(1, a -> new ArrayList<>(dict(a, 0).values())));
  }

  private static Map<String, Object> dictOf(List<Object> a) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < a.size(); i += 2) {
      out.put(strval(a.get(i)), i + 1 < a.size() ? a.get(i + 1) : "");
    }
    return out;
  }

  private static Map<String, Object> put(Map<String, Object> d, String key, Object value) {
    d.put(key, value);
    return d;
  }

  private static Map<String, Object> remove(Map<String, Object> d, String key) {
    d.remove(key);
    return d;
  }

  private static List<Object> pluck(List<Object> a) {
    String key = str(a, 0);
    List<Object> out = new ArrayList<>();
    for (int i = 1; i < a.size(); i++) {
      Map<String, Object> d = dict(a, i);
      if (d.containsKey(key)) {
        out.add(d.get(key));
      }
    }
    return out;
  }

  private static List<Object> keys(List<Object> a) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.addAll(dict(a, i).keySet());
    }
    return out;
  }

  private static Set<String> keyArgs(List<Object> a) {
    Set<String> keys = new HashSet<>();
    for (int i = 1; i < a.size(); i++) {
      keys.add(str(a, i));
    }
    return keys;
  }

  private static Map<String, Object> select(Map<String, Object> d, Set<String> keys, boolean keep) {
    Map<String, Object> out = new LinkedHashMap<>();
    d.forEach(
        (k, v) -> {
          if (keys.contains(k) == keep) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static Map<String, Object> mergeAll(List<Object> a, boolean overwrite) {
    Map<String, Object> dst = dict(a, 0);
    for (int i = 1; i < a.size(); i++) {
      merge(dst, dict(a, i), overwrite);
    }
    return dst;
  }

  /** mergo's map merge: nested maps merge deeply; empty destination values are filled. */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
    for (Map.Entry<String, Object> e : src.entrySet()) {
      Object have = dst.get(e.getKey());
      Object give = e.getValue();
      if (have instanceof Map<?, ?> hm && give instanceof Map<?, ?> gm) {
        merge((Map<String, Object>) hm, (Map<String, Object>) gm, overwrite);
      } else if (!dst.containsKey(e.getKey()) || DefaultFunctions.empty(have)) {
        dst.put(e.getKey(), give);
      } else if (overwrite && !DefaultFunctions.empty(give)) {
        dst.put(e.getKey(), give);
      }
    }
  }
}
