package dev.wharf.template;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/** Go's field evaluation ({@code evalField}) on maps and records. */
final class Fields {

  private Fields() {}

  /**
   * The field {@code name} of {@code receiver}, or Go's error as a {@link GoError}; {@code iface}
   * tells whether Go sees the receiver's static type as {@code interface {}}.
   */
  static Object lookup(
      Object receiver, String name, boolean hasArgs, MissingKey missingKey, boolean iface) {
    if (receiver == Execution.MISSING) {
      if (missingKey == MissingKey.ERROR) {
        throw new GoError("nil data; no entry for key " + GoFormat.quote(name));
      }
      return Execution.MISSING;
    }
    if (receiver == null) {
      throw new GoError("nil pointer evaluating interface {}." + name);
    }
    if (receiver instanceof Map<?, ?> map) {
      if (hasArgs) {
        throw new GoError(name + " is not a method but has arguments");
      }
      Object result = map.get(name);
      if (result != null || map.containsKey(name)) {
        return result;
      }
      return switch (missingKey) {
        case DEFAULT -> Execution.MISSING;
        case ZERO -> null;
        case ERROR -> throw new GoError("map has no entry for key " + GoFormat.quote(name));
      };
    }
    if (receiver instanceof Record record) {
      RecordComponent c = Values.field(record, name);
      if (c != null) {
        if (hasArgs) {
          throw new GoError(name + " has arguments but cannot be invoked as function");
        }
        return Values.component(record, c);
      }
    }
    String type = iface ? "interface {}" : GoFormat.typeName(receiver);
    throw new GoError("can't evaluate field " + name + " in type " + type);
  }
}
