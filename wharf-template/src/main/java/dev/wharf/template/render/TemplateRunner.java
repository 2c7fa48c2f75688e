package dev.wharf.template.render;

import dev.wharf.template.TemplateFunction;
import java.util.Map;

/** Parses and executes one Go template with {@code missingkey=zero}. */
@FunctionalInterface
interface TemplateRunner {

  /**
   * Renders {@code text} as the template {@code name}.
   *
   * @throws Failure with Go's error text
   */
  String run(String name, String text, Map<String, TemplateFunction> functions, Object data)
      throws Failure;

  /** A Go template error: at parse time or at execution time. */
  final class Failure extends Exception {

    private final boolean parsing;

    Failure(boolean parsing, String goError, Throwable cause) {
      super(goError, cause);
      this.parsing = parsing;
    }

    boolean parsing() {
      return parsing;
    }
  }
}
