package dev.wharf.template;

/** An error returned by a builtin function, with Go's message text. */
final class GoError extends RuntimeException {

  GoError(String message) {
    super(message, null, false, false);
  }
}
