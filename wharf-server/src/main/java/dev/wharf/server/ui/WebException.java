package dev.wharf.server.ui;

/** A page request the UI refuses, with the HTTP status and the sentence the page shows. */
final class WebException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  WebException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  static WebException notFound(String what) {
    return new WebException(404, what + " was not found");
  }
}
