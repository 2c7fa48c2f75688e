package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.integer;
import static dev.wharf.template.sprig.Args.str;
import static dev.wharf.template.sprig.Args.toFloat64;
import static dev.wharf.template.sprig.Args.toInt64;

import dev.wharf.template.Template;
import dev.wharf.template.TemplateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Sprig's integer and float arithmetic and number conversions ({@code numeric.go}). */
final class MathFunctions {

  private MathFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("add1", fn(1, a -> toInt64(a.get(0)) + 1));
    m.put("add", fn(0, -1, a -> a.stream().mapToLong(Args::toInt64).sum()));
    m.put("sub", fn(2, a -> toInt64(a.get(0)) - toInt64(a.get(1))));
    m.put("div", fn(2, a -> divide(toInt64(a.get(0)), toInt64(a.get(1)), false)));
    m.put("mod", fn(2, a -> divide(toInt64(a.get(0)), toInt64(a.get(1)), true)));
    m.put("mul", fn(1, -1, a -> a.stream().mapToLong(Args::toInt64).reduce(1, (x, y) -> x * y)));
    TemplateFunction max = fn(1, -1, a -> a.stream().mapToLong(Args::toInt64).max().orElse(0));
    m.put("max", max);
    m.put("biggest", max);
    m.put("min", fn(1, -1, a -> a.stream().mapToLong(Args::toInt64).min().orElse(0)));
    m.put("ceil", fn(1, a -> Math.ceil(toFloat64(a.get(0)))));
    m.put("floor", fn(1, a -> Math.floor(toFloat64(a.get(0)))));
    m.put("round", fn(2, 3, MathFunctions::round));
    m.put("until", fn(1, a -> until(integer(a, 0))));
    m.put("untilStep", fn(3, a -> untilStep(integer(a, 0), integer(a, 1), integer(a, 2))));
    m.put("atoi", fn(1, a -> atoi(str(a, 0))));
    m.put("int64", fn(1, a -> toInt64(a.get(0))));
    m.put("int", fn(1, a -> toInt64(a.get(0))));
    m.put("float64", fn(1, a -> toFloat64(a.get(0))));
    m.put("toDecimal", fn(1, a -> toDecimal(a.get(0))));
  }

  private static long divide(long a, long b, boolean remainder) {
    if (b == 0) {
      throw new ArithmeticException("runtime error: integer divide by zero");
    }
    return remainder ? a % b : a / b;
  }

  /** Sprig's {@code round}: rounds up from {@code roundOn} (default .5) at {@code p} places. */
  private static double round(List<Object> a) {
    double roundOn = a.size() > 2 ? toFloat64(a.get(2)) : .5;
    double pow = Math.pow(10, (double) integer(a, 1));
    double digit = pow * toFloat64(a.get(0));
    double fraction = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    double rounded = fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit);
    return rounded / pow;
  }

  static List<Object> until(long count) {
    return untilStep(0, count, count < 0 ? -1 : 1);
  }

  static List<Object> untilStep(long start, long stop, long step) {
    List<Object> out = new ArrayList<>();
    if (stop < start) {
      if (step < 0) {
        for (long i = start; i > stop; i += step) {
          add(out, i);
        }
      }
      return out;
    }
    if (step > 0) {
      for (long i = start; i < stop; i += step) {
        add(out, i);
      }
    }
    return out;
  }

  private static void add(List<Object> list, long item) {
    if (list.size() >= Template.MAX_LIST_ITEMS) {
      throw new IllegalArgumentException(
          "the list would have more than " + Template.MAX_LIST_ITEMS + " items, the limit");
    }
    list.add(item);
  }

  private static long atoi(String s) {
    String t = s.startsWith("+") ? s.substring(1) : s;
    if (t.isEmpty() || !t.matches("-?[0-9]+")) {
      return 0;
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static long toDecimal(Object v) {
    try {
      return Long.parseLong(dev.wharf.template.GoValues.sprint(v), 8);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
