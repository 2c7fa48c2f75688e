package dev.wharf.cli;

/** What a user can do when the server refuses a request or cannot be reached, by HTTP status. */
final class ServerHint {

  private ServerHint() {}

  /** The hint line for a failure with HTTP {@code status} (0: not reached), or "" for none. */
  static String forStatus(int status) {
    return switch (status) {
      case 0 ->
          "  hint: is the server running? Start it with 'wharf server'; give its address with"
              + " --server URL or WHARF_SERVER";
      case 401 ->
          "  hint: the server does not know this token. Create one for that server with 'wharf"
              + " server token create --role run' (with the same --data-dir or --db that the"
              + " server was started with) and give it with --token or WHARF_TOKEN";
      case 403 ->
          "  hint: this token's role does not allow that; create a token with a wider --role"
              + " (read < run < admin)";
      case 413 ->
          "  hint: for an uploaded context, leave out what the run does not need"
              + " (.dockerignore) or ask the server's operator to raise 'wharf server"
              + " --max-upload-size'";
      default -> "";
    };
  }
}
