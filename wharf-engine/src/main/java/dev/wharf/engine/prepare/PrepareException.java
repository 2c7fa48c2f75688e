package dev.wharf.engine.prepare;

/** A run could not be prepared: its input is wrong, or its context could not be read. */
public final class PrepareException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Whose fault: the task and its flags, or the context's source being out of reach. */
  public enum Kind {
    /** The task, its values or its flags are wrong (exit status 2; a server run fails). */
    INPUT,
    /** The context could not be read or fetched (exit status 3; a server run errs). */
    CONTEXT
  }

  private final Kind kind;

  PrepareException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** Whose fault it is. */
  public Kind kind() {
    return kind;
  }
}
