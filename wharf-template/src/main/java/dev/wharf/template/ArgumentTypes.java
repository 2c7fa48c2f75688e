package dev.wharf.template;

import dev.wharf.template.Node.BoolNode;
import dev.wharf.template.Node.NumberNode;
import dev.wharf.template.Node.StringNode;
import java.util.List;

/** Go's checks of an argument against a typed function parameter (evalArg and validateType). */
final class ArgumentTypes {

  private ArgumentTypes() {}

  /** The Go type of parameter {@code index}, or null when it accepts anything. */
  static String at(TemplateFunction fn, int index) {
    List<String> types = fn.parameterTypes();
    if (types.isEmpty()) {
      return null;
    }
    String type =
        index < types.size()
            ? types.get(index)
            : fn.maxArgs() < 0 ? types.get(types.size() - 1) : null;
    return isChecked(type) ? type : null;
  }

  private static boolean isChecked(String type) {
    return "string".equals(type)
        || "int".equals(type)
        || "float64".equals(type)
        || "bool".equals(type);
  }

  /**
   * A literal argument converted for {@code type} (Go turns 1 into 1.0 for a float64 and 1.0 into 1
   * for an int), or a {@link GoError} with Go's "expected ...; found ..." message.
   */
  static Object literal(String type, Node n, Object value) {
    switch (type) {
      case "string":
        if (n instanceof StringNode) {
          return value;
        }
        throw new GoError("expected string; found " + n);
      case "bool":
        if (n instanceof BoolNode) {
          return value;
        }
        throw new GoError("expected bool; found " + n);
      case "int":
        if (n instanceof NumberNode && value instanceof Long) {
          return value;
        }
        if (n instanceof NumberNode && value instanceof Double d && d == Math.rint(d)) {
          return (long) (double) d;
        }
        throw new GoError("expected integer; found " + n);
      default:
        if (n instanceof NumberNode && value instanceof Number number) {
          return number.doubleValue();
        }
        throw new GoError("expected float; found " + n);
    }
  }

  /**
   * Checks an evaluated value: {@code missing} is Go's invalid value, {@code null} a nil interface.
   */
  static void value(String type, Object value, boolean missing) {
    if (missing) {
      throw new GoError("invalid value; expected " + type);
    }
    boolean ok =
        switch (type) {
          case "string" -> value instanceof String;
          case "bool" -> value instanceof Boolean;
          case "int" -> Values.isInt(value);
          default -> Values.isFloat(value);
        };
    if (!ok) {
      String got = value == null ? "interface {}" : GoFormat.typeName(value);
      throw new GoError("wrong type for value; expected " + type + "; got " + got);
    }
  }
}
