package dev.wharf.task.docker;

/** A build string, cmd string, image reference or Dockerfile that cannot be understood. */
public final class DockerParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String hint;

  public DockerParseException(String message) {
    this(message, "");
  }

  public DockerParseException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /** What the user can do about it, or "" when the message says it all. */
  public String hint() {
    return hint;
  }
}
