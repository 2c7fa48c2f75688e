package dev.wharf.template;

import java.util.List;

/**
 * A function callable from a template, such as a builtin ({@code printf}) or a Sprig function
 * ({@code upper}).
 *
 * <p>Arguments arrive as template values (see {@link GoValues}). A function reports a Go error by
 * throwing any {@link RuntimeException}; the evaluator turns it into Go's {@code error calling
 * NAME: MESSAGE}. The evaluator checks the argument count against {@link #minArgs()} and {@link
 * #maxArgs()} before calling, with Go's {@code wrong number of args for NAME: want N got M}.
 */
public interface TemplateFunction {

  /** Calls the function with already evaluated arguments. */
  Object call(List<Object> args);

  /** The fewest arguments the function accepts. */
  int minArgs();

  /** The most arguments the function accepts, or -1 for a variadic function. */
  int maxArgs();

  /** A function of exactly {@code arity} arguments. */
  static TemplateFunction of(int arity, java.util.function.Function<List<Object>, Object> body) {
    return of(arity, arity, body);
  }

  /** A function of {@code min} to {@code max} arguments ({@code max} -1: no upper bound). */
  static TemplateFunction of(
      int min, int max, java.util.function.Function<List<Object>, Object> body) {
    return new TemplateFunction() {
      @Override
      public Object call(List<Object> args) {
        return body.apply(args);
      }

      @Override
      public int minArgs() {
        return min;
      }

      @Override
      public int maxArgs() {
        return max;
      }
    };
  }
}
