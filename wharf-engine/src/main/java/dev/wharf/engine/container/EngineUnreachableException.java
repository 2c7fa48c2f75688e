package dev.wharf.engine.container;

/**
 * No container engine answers at the configured address (an environment problem, not a task one).
 */
public class EngineUnreachableException extends EngineException {

  /** Creates the exception for {@code action} and the reason the engine could not be reached. */
  public EngineUnreachableException(String action, String reason, Throwable cause) {
    super(action, reason, cause);
  }
}
