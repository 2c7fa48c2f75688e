package dev.wharf.engine.container;

import java.time.Duration;

/** A live subscription to a container's output, which ends when the container stops. */
public interface OutputFollow extends AutoCloseable {

  /**
   * Waits until all output has been delivered.
   *
   * @return false if the output had not ended within {@code timeout}
   * @throws EngineException if the engine broke off the stream
   */
  boolean awaitEnd(Duration timeout) throws EngineException, InterruptedException;

  /** Stops delivering output; safe to call more than once. */
  @Override
  void close();
}
