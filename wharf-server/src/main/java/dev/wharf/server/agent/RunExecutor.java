package dev.wharf.server.agent;

/**
 * Executes one claimed run; the embedded agent calls it, and the engine of {@code wharf run}
 * implements it.
 */
@FunctionalInterface
public interface RunExecutor {
  /**
   * Runs {@code job} to its end, writing its log to {@code log}, and stops early (answering any
   * outcome; the agent records {@code Canceled} or {@code Timeout}) once {@code cancel} is raised.
   * An exception ends the run as {@code Error} with the exception's message.
   */
  RunOutcome execute(RunJob job, LogSink log, CancelSignal cancel) throws Exception;

  /**
   * Removes what a run left behind when the agent executing it stopped before it finished (a killed
   * server): it was never cleaned up by {@link #execute}. Nothing by default.
   */
  default void abandoned(String runId) throws Exception {}
}
