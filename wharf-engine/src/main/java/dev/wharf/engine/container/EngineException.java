package dev.wharf.engine.container;

/** A container engine operation failed; the message says what was tried and why it failed. */
public class EngineException extends Exception {

  /** Creates the exception for {@code action} (e.g. "push localhost:5001/x:1") and its reason. */
  public EngineException(String action, String reason) {
    super(message(action, reason));
  }

  /** Creates the exception for {@code action} and its reason, keeping the underlying cause. */
  public EngineException(String action, String reason, Throwable cause) {
    super(message(action, reason), cause);
  }

  private static String message(String action, String reason) {
    return "Tried to " + action + " but failed because: " + reason;
  }
}
