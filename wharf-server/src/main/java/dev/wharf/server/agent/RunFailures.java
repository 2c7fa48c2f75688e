package dev.wharf.server.agent;

/** Says in a user's words why a run ended with a JVM error instead of a result. */
final class RunFailures {
  private RunFailures() {}

  /** The run record's message for {@code error}, which never carries the run's data. */
  static String describe(Error error) {
    if (error instanceof StackOverflowError) {
      return "the task is nested too deeply for the server to read it (stack overflow); "
          + "flatten its YAML or templates";
    }
    if (error instanceof OutOfMemoryError) {
      return "the run needed more memory than the server could give it (out of memory); "
          + "make its task, values or templates smaller";
    }
    return "the server failed while running it: " + error.getClass().getSimpleName();
  }
}
