package dev.wharf.template;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reflection over template values: integer kinds and record (struct) fields. */
final class Values {

  private static final Map<Class<?>, Map<String, RecordComponent>> FIELDS =
      new ConcurrentHashMap<>();

  private Values() {}

  /** True for Go int kinds: every {@link Number} except floating point ones. */
  static boolean isInt(Object v) {
    return v instanceof Number
        && !(v instanceof Double || v instanceof Float)
        && !(v instanceof BigDecimal);
  }

  static boolean isFloat(Object v) {
    return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
  }

  /**
   * The record component Go would see as field {@code name}: exact name, or the name with its first
   * letter lower-cased (Java's spelling of an exported Go field).
   */
  static RecordComponent field(Record record, String name) {
    Map<String, RecordComponent> byName =
        FIELDS.computeIfAbsent(
            record.getClass(),
            c -> {
              Map<String, RecordComponent> m = new ConcurrentHashMap<>();
              for (RecordComponent rc : c.getRecordComponents()) {
                rc.getAccessor().setAccessible(true);
                m.put(rc.getName(), rc);
              }
              return m;
            });
    RecordComponent c = byName.get(name);
    if (c == null && !name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
      c = byName.get(Character.toLowerCase(name.charAt(0)) + name.substring(1));
    }
    return c;
  }

  static Object component(Record record, RecordComponent c) {
    try {
      c.getAccessor().setAccessible(true);
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read field " + c.getName(), e);
    }
  }
}
