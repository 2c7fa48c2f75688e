package dev.wharf.api;

/**
 * A refusal of the agent protocol (with an HTTP status: 404 unknown agent, 409 conflict, …), or a
 * server that cannot be reached (status 0).
 */
public final class AgentProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The server could not be reached. */
  public static final int UNREACHABLE = 0;

  private final int status;

  /** A refusal with {@code status}. */
  public AgentProtocolException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** A server that could not be reached. */
  public AgentProtocolException(String message, Throwable cause) {
    super(message, cause);
    this.status = UNREACHABLE;
  }

  /** The HTTP status, or {@link #UNREACHABLE}. */
  public int status() {
    return status;
  }

  /**
   * Whether the server refused the agent's token (401: unknown or revoked; 403: a token of another
   * role): no retry can succeed until the agent is given another token.
   */
  public boolean refusesToken() {
    return status == 401 || status == 403;
  }
}
