package dev.wharf.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import dev.wharf.server.auth.TokenAdmin;
import dev.wharf.server.trigger.BaseImageSettings;
import dev.wharf.server.trigger.RegistryHookHeader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * What {@code wharf server} and {@code wharf server token create} do, kept out of the command
 * classes so that picocli's reflection over them loads no server class.
 */
final class ServerStart {
  private ServerStart() {}

  /** Serves until the process is stopped. */
  static int serve(ServerCommand command, PrintWriter out) throws BadInputException {
    serverLogLevel(command.quiet);
    // what runs of a server or CLI that was killed left in the temporary folder
    ProcessTempFolder.removeLeftovers(ProcessTempFolder.sharedBase());
    ServerConfig config = config(command.main.workingDirectory(), command.dataDir, command.db);
    if (command.listen != null) {
      int colon = command.listen.lastIndexOf(':');
      if (colon < 0) {
        throw new BadInputException("--listen takes HOST:PORT, not " + command.listen);
      }
      config =
          config.withListen(
              command.listen.substring(0, colon), port(command.listen.substring(colon + 1)));
    }
    int agents = command.agents != null ? command.agents : ServerConfig.DEFAULT_AGENT_CONCURRENCY;
    if (agents < 0) {
      throw new BadInputException("--agents takes 0 or more, not " + agents);
    }
    config =
        config.withAgent(
            agents,
            agents > 0
                ? new EngineRunExecutor(command.registry)
                    .withLocalContexts(command.allowLocalContexts)
                    .withTrustedRuns(command.allowRawEngineSocket)
                : null);
    if (command.heartbeatSeconds != null) {
      if (command.heartbeatSeconds < 1 || command.heartbeatSeconds > 300) {
        throw new BadInputException(
            "--heartbeat takes 1 to 300 seconds, not " + command.heartbeatSeconds);
      }
      config = config.withAgentHeartbeat(java.time.Duration.ofSeconds(command.heartbeatSeconds));
    }
    config = config.withBaseImages(baseImages(command));
    if (command.maxUploadSize != null) {
      config =
          config.withMaxUploadBytes(ByteSize.parse("--max-upload-size", command.maxUploadSize));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    WharfServer server = WharfServer.start(config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    out.printf(
        "Wharf server on http://%s:%d (data in %s, %d concurrent runs)%n"
            + "Web UI: http://%s:%d/ (sign in with an API token)%n"
            + "Create a token with: %s%n",
        config.host(),
        server.port(),
        config.dataDir(),
        agents,
        config.host(),
        server.port(),
        tokenCommand(command.dataDir == null ? null : config.dataDir(), command.db));
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static BaseImageSettings baseImages(ServerCommand command) throws BadInputException {
    RegistryHookHeader header = null;
    if (command.registryHookHeader != null && !command.registryHookHeader.isBlank()) {
      try {
        header = RegistryHookHeader.parse(command.registryHookHeader);
      } catch (IllegalArgumentException e) {
        // the message never repeats the value: it is a secret
        throw new BadInputException("--registry-hook-header: " + e.getMessage());
      }
    }
    Integer seconds = command.baseImagePollSeconds;
    if (seconds != null && (seconds < 0 || seconds > 86_400)) {
      throw new BadInputException(
          "--base-image-poll-interval takes 0 to 86400 seconds, not " + seconds);
    }
    return new BaseImageSettings(
        header,
        seconds == null ? BaseImageSettings.DEFAULT_POLL_INTERVAL : Duration.ofSeconds(seconds));
  }

  /**
   * The server's INFO lines (each run queued, started, finished; start and stop) go to stderr;
   * {@code --quiet} keeps only warnings and errors.
   */
  static void serverLogLevel(boolean quiet) {
    Logger server = (Logger) LoggerFactory.getLogger("dev.wharf.server");
    server.setLevel(quiet ? Level.WARN : Level.INFO);
  }

  /** Creates a token on the store of the server and prints it. */
  static int createToken(ServerCommand.TokenCreate command, PrintWriter out)
      throws BadInputException {
    Role role;
    try {
      role = Role.valueOf(command.role.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--role takes read, run, admin or agent, not " + command.role);
    }
    ServerConfig config =
        config(
            command.parent.parent.main.workingDirectory(),
            command.database.dataDir,
            command.database.db);
    out.println(
        WharfServer.createToken(config, role, command.name == null ? command.role : command.name));
    return 0;
  }

  /** Prints the tokens stored for the server. */
  static int listTokens(ServerCommand.TokenList command, PrintWriter out) {
    ServerConfig config =
        config(
            command.parent.parent.main.workingDirectory(),
            command.database.dataDir,
            command.database.db);
    List<TokenAdmin.TokenInfo> tokens = WharfServer.listTokens(config);
    out.printf("%-32s %-6s %s%n", "NAME", "ROLE", "CREATED");
    for (TokenAdmin.TokenInfo token : tokens) {
      out.printf("%-32s %-6s %s%n", token.name(), token.role(), token.created());
    }
    return 0;
  }

  /** Revokes the tokens of a name; fails when there is none. */
  static int revokeToken(ServerCommand.TokenRevoke command, PrintWriter out, PrintWriter err) {
    ServerConfig config =
        config(
            command.parent.parent.main.workingDirectory(),
            command.database.dataDir,
            command.database.db);
    int revoked = WharfServer.revokeToken(config, command.name);
    if (revoked == 0) {
      err.println("Error: no token named " + command.name + " (wharf server token list)");
      return Main.EXIT_BAD_INPUT;
    }
    out.println(
        "Revoked " + revoked + (revoked == 1 ? " token" : " tokens") + " named " + command.name);
    return 0;
  }

  /**
   * The command that creates a token for this server: with its {@code --data-dir} and {@code --db},
   * or the token would go to another server's database.
   */
  static String tokenCommand(Path dataDir, String db) {
    StringBuilder command = new StringBuilder("wharf server token create --role admin");
    if (dataDir != null) {
      command.append(" --data-dir ").append(shellWord(dataDir.toString()));
    }
    if (db != null) {
      // not the URL itself: it may carry the database password
      command.append(" --db <the server's --db URL>");
    }
    return command.toString();
  }

  private static String shellWord(String text) {
    return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }

  private static ServerConfig config(Path workingDirectory, Path dataDir, String db) {
    ServerConfig config = ServerConfig.defaults();
    config = dataDir != null ? config.withDataDir(workingDirectory.resolve(dataDir)) : config;
    return db != null ? config.withDb(db) : config;
  }

  private static int port(String text) throws BadInputException {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new BadInputException("--listen: not a port: " + text);
    }
  }
}
