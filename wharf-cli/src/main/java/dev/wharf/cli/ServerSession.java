package dev.wharf.cli;

import dev.wharf.api.ServerClient;
import dev.wharf.api.ServerException;
import java.net.URI;

/**
 * A client command's connection to its server. The commands receive it rather than the server's
 * client type, so that picocli's reflection over the commands never loads the server's classes.
 */
record ServerSession(ServerClient client) {

  /** A session with the server of {@code connection}. */
  static ServerSession open(ServerConnection connection) throws BadInputException {
    String url = connection.url();
    if (url == null) {
      throw new BadInputException("no server: give --server URL or set WHARF_SERVER");
    }
    try {
      return new ServerSession(new ServerClient(URI.create(url), connection.token()));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--server: not a URL: " + url);
    }
  }

  /** Runs {@code command} against its server: 2 for bad input, 3 when the server fails it. */
  static int call(ServiceCommand command) {
    try {
      if (!command.output.equals("table") && !command.output.equals("json")) {
        throw new BadInputException("-o takes table or json, not " + command.output);
      }
      return command.run(open(command.connection));
    } catch (BadInputException | IllegalArgumentException e) {
      command.err().println("Error: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    } catch (ServerException e) {
      command.err().println("Error: " + e.getMessage());
      String hint = ServerHint.forStatus(e.status());
      if (!hint.isEmpty()) {
        command.err().println(hint);
      }
      return Main.EXIT_ENVIRONMENT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      command.out().flush();
      command.err().flush();
    }
  }
}
