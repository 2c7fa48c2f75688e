package dev.wharf.api;

/** The server refused a request or could not be reached. */
public final class ServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ServerException(int status, String message) {
    super(message);
    this.status = status;
  }

  ServerException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status, or 0 when the server was not reached. */
  public int status() {
    return status;
  }
}
