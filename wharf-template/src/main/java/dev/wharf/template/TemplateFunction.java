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

  /**
   * Go's parameter types, one per position, so the evaluator can reject arguments as Go's executor
   * does ({@code invalid value; expected string}, {@code wrong type for value; expected int; got
   * string}, {@code expected integer; found "x"}). Checked names are {@code string}, {@code int},
   * {@code float64} and {@code bool}; any other name (such as {@code interface {}}) accepts
   * everything. For a variadic function the last type covers the remaining arguments. The default,
   * an empty list, accepts every argument as is.
   */
  default List<String> parameterTypes() {
    return List.of();
  }

  /** A function of {@code min} to {@code max} arguments with Go parameter types. */
  static TemplateFunction typed(
      List<String> parameterTypes,
      int min,
      int max,
      java.util.function.Function<List<Object>, Object> body) {
    List<String> types = List.copyOf(parameterTypes);
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

      @Override
      public List<String> parameterTypes() {
        return types;
      }
    };
  }

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
