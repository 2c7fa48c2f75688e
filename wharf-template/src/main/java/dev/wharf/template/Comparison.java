package dev.wharf.template;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Go's comparison builtins {@code eq lt le} over basic kinds ({@code text/template/funcs.go}). */
final class Comparison {

  private enum Kind {
    INVALID,
    BOOL,
    INT,
    FLOAT,
    STRING,
    OTHER
  }

  private static final String BAD_TYPE = "invalid type for comparison";
  private static final String INCOMPATIBLE = "incompatible types for comparison";

  private Comparison() {}

  private static Kind kind(Object v) {
    if (v == null) {
      return Kind.INVALID;
    }
    if (v instanceof Boolean) {
      return Kind.BOOL;
    }
    if (Values.isFloat(v)) {
      return Kind.FLOAT;
    }
    if (Values.isInt(v)) {
      return Kind.INT;
    }
    if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.OTHER;
  }

  private static boolean comparable(Object v) {
    return !(v instanceof Collection<?> || v instanceof Map<?, ?> || v instanceof TemplateFunction)
        && !v.getClass().isArray();
  }

  static boolean eq(Object arg1, List<Object> others) {
    if (arg1 != null && !comparable(arg1)) {
      throw uncomparable(arg1);
    }
    if (others.isEmpty()) {
      throw new GoError("missing argument for comparison");
    }
    Kind k1 = basic(kind(arg1));
    for (Object arg : others) {
      Kind k2 = basic(kind(arg));
      boolean truth;
      if (k1 != k2) {
        if (arg1 != null && arg != null) {
          throw new GoError(INCOMPATIBLE);
        }
        truth = false;
      } else {
        truth =
            switch (k1) {
              case BOOL, STRING -> arg1.equals(arg);
              case INT -> ((Number) arg1).longValue() == ((Number) arg).longValue();
              case FLOAT -> ((Number) arg1).doubleValue() == ((Number) arg).doubleValue();
              default -> {
                if (arg == null || arg1 == null) {
                  yield arg1 == arg;
                }
                if (!comparable(arg)) {
                  throw uncomparable(arg);
                }
                yield arg1.equals(arg);
              }
            };
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static GoError uncomparable(Object v) {
    return new GoError("uncomparable type " + GoFormat.typeName(v) + ": " + GoValues.sprint(v));
  }

  /** Go's basicKind puts nil and non-basic values in one "invalid" kind. */
  private static Kind basic(Kind k) {
    return k == Kind.OTHER ? Kind.INVALID : k;
  }

  static boolean lt(Object arg1, Object arg2) {
    Kind k1 = kind(arg1);
    if (k1 == Kind.INVALID || k1 == Kind.OTHER) {
      throw new GoError(BAD_TYPE);
    }
    Kind k2 = kind(arg2);
    if (k2 == Kind.INVALID || k2 == Kind.OTHER) {
      throw new GoError(BAD_TYPE);
    }
    if (k1 != k2) {
      throw new GoError(INCOMPATIBLE);
    }
    return switch (k1) {
      case INT -> ((Number) arg1).longValue() < ((Number) arg2).longValue();
      case FLOAT -> ((Number) arg1).doubleValue() < ((Number) arg2).doubleValue();
      case STRING -> ((String) arg1).compareTo((String) arg2) < 0;
      default -> throw new GoError(BAD_TYPE);
    };
  }

  static boolean le(Object arg1, Object arg2) {
    return lt(arg1, arg2) || eq(arg1, java.util.Collections.singletonList(arg2));
  }
}
