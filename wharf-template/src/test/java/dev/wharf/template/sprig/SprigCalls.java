package dev.wharf.template.sprig;

import dev.wharf.template.TemplateFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Calls Sprig functions from tests as the template evaluator would. */
final class SprigCalls {

  private static final Map<String, TemplateFunction> FUNCTIONS = Sprig.functions(true);

  private SprigCalls() {}

  static Object call(String name, Object... args) {
    TemplateFunction f = FUNCTIONS.get(name);
    if (f == null) {
      throw new AssertionError("function " + name + " not defined");
    }
    List<Object> list = new ArrayList<>(Arrays.asList(args));
    if (list.size() < f.minArgs() || (f.maxArgs() >= 0 && list.size() > f.maxArgs())) {
      throw new AssertionError("wrong number of args for " + name);
    }
    return f.call(list);
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }
}
