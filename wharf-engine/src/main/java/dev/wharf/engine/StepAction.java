package dev.wharf.engine;

/**
 * What a step does on the container engine; the scheduler decides when and how often.
 *
 * <p>Methods are called from scheduler threads. {@link #execute} must return promptly (or throw
 * {@link InterruptedException}) when its thread is interrupted, which is how timeouts and
 * cancellation reach it; {@link #stop} is called from another thread to stop the attempt's
 * container.
 */
public interface StepAction {

  /**
   * Gets ready to run (e.g. creates the container), called as soon as the run starts so that this
   * work overlaps with the steps before it. Called at most once, possibly for a step that never
   * runs.
   */
  default void prepare(StepContext context) throws Exception {}

  /** Runs one attempt; attempts are numbered from 1 across retries and repeats. */
  StepOutcome execute(StepContext context, int attempt) throws Exception;

  /**
   * Removes what the previous attempt left behind before a retry or repeat
   * (docs/behaviour.md#retries-and-repeats: a kept or detached container would otherwise collide on
   * its name).
   */
  default void discard(StepContext context, int previousAttempt) throws Exception {}

  /**
   * Stops the running attempt: gracefully first, then with {@code force} when the user insists or a
   * deadline passed. May be called when nothing runs.
   */
  default void stop(StepContext context, boolean force) {}
}
