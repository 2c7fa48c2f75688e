package dev.wharf.server.api;

/** A request the API refuses, with the HTTP status and the message the caller sees. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException notFound(String what) {
    return new ApiException(404, what + " not found");
  }
}
