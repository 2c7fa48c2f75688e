package dev.wharf.engine.socket;

/** A request the run's socket does not forward, with the status and message the client sees. */
final class Refusal extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  Refusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** A request the policy of an untrusted run does not allow. */
  static Refusal untrusted(String what) {
    return new Refusal(
        403, "Wharf refused: " + what + " not allowed for untrusted runs (docs/security.md)");
  }

  /** A request for something that belongs to another run. */
  static Refusal otherRun(String what) {
    return new Refusal(
        403,
        "Wharf refused: "
            + what
            + " belongs to another run; a run reaches only its own (docs/security.md)");
  }

  int status() {
    return status;
  }
}
