package dev.wharf.template;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Go's {@code index} and {@code slice} builtins. */
final class Indexing {

  private Indexing() {}

  static Object index(Object item, List<Object> indexes) {
    if (item == null) {
      throw new GoError("index of untyped nil");
    }
    Object current = item;
    for (Object index : indexes) {
      if (current == null) {
        throw new GoError("index of nil pointer");
      }
      if (current instanceof String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int x = indexArg(index, bytes.length);
        if (x == bytes.length) {
          // Go's indexArg lets len through and reflect then panics.
          throw new GoError("reflect: string index out of range");
        }
        current = (long) (bytes[x] & 0xff);
      } else if (current instanceof Collection<?> || current.getClass().isArray()) {
        List<Object> list = GoValues.asList(current);
        int x = indexArg(index, list.size());
        if (x == list.size()) {
          throw new GoError("reflect: slice index out of range");
        }
        current = list.get(x);
      } else if (current instanceof Map<?, ?> map) {
        if (index == null) {
          throw new GoError("value is nil; should be of type string");
        }
        if (!(index instanceof String)) {
          throw new GoError("value has type " + GoFormat.typeName(index) + "; should be string");
        }
        current = map.get(index);
      } else {
        throw new GoError("can't index item of type " + GoFormat.typeName(current));
      }
    }
    return current;
  }

  private static int indexArg(Object index, int cap) {
    if (index == null) {
      throw new GoError("cannot index slice/array with nil");
    }
    if (!Values.isInt(index)) {
      throw new GoError("cannot index slice/array with type " + GoFormat.typeName(index));
    }
    long x = ((Number) index).longValue();
    if (x < 0 || x > cap) {
      throw new GoError("index out of range: " + x);
    }
    return (int) x;
  }

  static Object slice(Object item, List<Object> indexes) {
    if (item == null) {
      throw new GoError("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new GoError("too many slice indexes: " + indexes.size());
    }
    int cap;
    byte[] bytes = null;
    List<Object> list = null;
    if (item instanceof String s) {
      if (indexes.size() == 3) {
        throw new GoError("cannot 3-index slice a string");
      }
      bytes = s.getBytes(StandardCharsets.UTF_8);
      cap = bytes.length;
    } else if (item instanceof Collection<?> || item.getClass().isArray()) {
      list = GoValues.asList(item);
      cap = list.size();
    } else {
      throw new GoError("can't slice item of type " + GoFormat.typeName(item));
    }
    int[] idx = {0, cap, cap};
    for (int i = 0; i < indexes.size(); i++) {
      idx[i] = indexArg(indexes.get(i), cap);
    }
    if (idx[0] > idx[1]) {
      throw new GoError("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.size() == 3 && idx[1] > idx[2]) {
      throw new GoError("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      return new String(Arrays.copyOfRange(bytes, idx[0], idx[1]), StandardCharsets.UTF_8);
    }
    return new java.util.ArrayList<>(list.subList(idx[0], idx[1]));
  }
}
