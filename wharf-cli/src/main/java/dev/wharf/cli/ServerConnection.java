package dev.wharf.cli;

import picocli.CommandLine.Option;

/**
 * Which Wharf server a client command talks to: {@code --server} and {@code --token}. Command and
 * mixin classes name no server types, so that commands without a server never load them.
 */
final class ServerConnection {

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Wharf server to use (default: $WHARF_SERVER), e.g. http://127.0.0.1:8423.")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "API token (default: $WHARF_TOKEN); see 'wharf server token create'.")
  String token;

  /** The server's URL from the flag or {@code WHARF_SERVER}, or null when neither gives one. */
  String url() {
    String url = server != null ? server : System.getenv("WHARF_SERVER");
    return url == null || url.isBlank() ? null : url;
  }

  /** Whether a server is given, so the command goes to it instead of the local engine. */
  boolean given() {
    return url() != null;
  }

  /** The token from the flag or {@code WHARF_TOKEN}, or null. */
  String token() {
    return token != null ? token : System.getenv("WHARF_TOKEN");
  }
}
