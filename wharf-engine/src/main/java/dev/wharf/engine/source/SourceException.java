package dev.wharf.engine.source;

import java.io.IOException;

/**
 * A context could not be obtained or packed; the message is safe to print because credentials are
 * redacted from it and from the message of whatever caused it.
 */
public final class SourceException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that is redacted here. */
  public SourceException(String message) {
    super(Redaction.redact(message));
  }

  /**
   * Creates the exception from a failure whose own message may hold credentials: that message is
   * redacted into this one and the original exception is not kept, only its stack trace.
   */
  SourceException(String message, Throwable cause, String... secrets) {
    super(Redaction.redact(message + ": " + describe(cause), secrets));
    setStackTrace(cause.getStackTrace());
  }

  private static String describe(Throwable cause) {
    // JGit and the HTTP client bury a name that does not resolve under layers that repeat it.
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return "host not found: " + t.getMessage();
      }
    }
    StringBuilder text = new StringBuilder();
    for (Throwable t = cause; t != null && text.length() < 2000; t = t.getCause()) {
      if (text.length() > 0) {
        text.append(": ");
      }
      text.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
    return text.toString();
  }
}
