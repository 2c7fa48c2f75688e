package dev.wharf.cli;

import dev.wharf.api.AgentProtocolException;
import dev.wharf.api.AgentWire;
import dev.wharf.api.HttpAgentPort;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.agent.Agent;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.agent.Platforms;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code wharf agent} does, kept out of the command class so that picocli's reflection over it
 * loads no server class.
 */
final class AgentStart {
  private AgentStart() {}

  /** Works for the server until the process is stopped. */
  static int run(AgentCommand command, PrintWriter out, PrintWriter err) throws BadInputException {
    // what runs of an agent or CLI that was killed left in the temporary folder
    ProcessTempFolder.removeLeftovers(ProcessTempFolder.sharedBase());
    List<URI> servers = servers(command);
    String token = command.token != null ? command.token : System.getenv("WHARF_TOKEN");
    if (token == null || token.isBlank()) {
      throw new BadInputException(
          "no token: give --token or set WHARF_TOKEN (wharf server token create --role agent)");
    }
    if (command.concurrency < 1) {
      throw new BadInputException("--concurrency takes 1 or more, not " + command.concurrency);
    }
    String name = command.name != null ? command.name : ServerConfig.hostName();
    AgentWire.Registration registration =
        new AgentWire.Registration(
            name,
            command.pool,
            command.labelMap(),
            ServerConfig.version(),
            Platforms.local(),
            command.concurrency,
            Agent.localEngine(),
            false,
            null);
    Agent agent =
        new Agent(
            new HttpAgentPort(servers, token),
            new Agent.Settings(registration, "the agent stopped during the run"),
            // the engine is this agent's operator's: only they can open it to trusted runs
            new EngineRunExecutor(command.registry).withTrustedRuns(command.allowRawEngineSocket));
    CountDownLatch stopped = new CountDownLatch(1);
    var unused = agent.refused().thenRun(stopped::countDown);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  stopped.countDown();
                }));
    try {
      agent.start();
    } catch (AgentProtocolException e) {
      if (e.refusesToken()) {
        return refused(e, err);
      }
      err.println("Error: agent " + name + " could not register: " + e.getMessage());
      err.flush();
      return Main.EXIT_ENVIRONMENT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
    out.printf(
        "Wharf agent %s working for %s (pool %s, %s, %d at once)%n",
        name,
        servers.get(0),
        command.pool == null ? "default" : command.pool,
        Platforms.local(),
        command.concurrency);
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    AgentProtocolException refusal = agent.refused().getNow(null);
    if (refusal != null) {
      agent.close();
      return refused(refusal, err);
    }
    return 0;
  }

  /**
   * A revoked, unknown or wrong-role token: retrying cannot help, so the agent stops and says what
   * to do (docs/deploy.md#tokens).
   */
  private static int refused(AgentProtocolException refusal, PrintWriter err) {
    err.println(
        "Error: the server refused this agent's token: "
            + refusal.getMessage()
            + "; create a new one with `wharf server token create --role agent`");
    err.flush();
    return Main.EXIT_BAD_INPUT;
  }

  private static List<URI> servers(AgentCommand command) throws BadInputException {
    List<String> urls = new ArrayList<>(command.servers);
    if (urls.isEmpty() && System.getenv("WHARF_SERVER") != null) {
      urls.add(System.getenv("WHARF_SERVER"));
    }
    if (urls.isEmpty()) {
      throw new BadInputException("no server: give --server URL or set WHARF_SERVER");
    }
    List<URI> servers = new ArrayList<>();
    for (String url : urls) {
      try {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
          throw new IllegalArgumentException("not http(s)");
        }
        servers.add(uri);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--server: not an http(s) URL: " + url);
      }
    }
    return servers;
  }
}
