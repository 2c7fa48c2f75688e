package dev.wharf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wharf agent}: runs the runs of a server elsewhere on this machine's Docker engine. */
@Command(
    name = "agent",
    header = "Run a server's queued runs on this machine's Docker engine.",
    description = {
      "Connects to a Wharf server (only outgoing HTTP: no port opens here, so agents behind NAT"
          + " work), claims the runs queued for its pool and platform, runs them on the Docker"
          + " engine of DOCKER_HOST, and ships their logs and outcomes back.",
      "",
      "Give --server several times (servers sharing one PostgreSQL) and the agent moves to the"
          + " next one when a server cannot be reached. Stop it with Ctrl-C or SIGTERM: runs under"
          + " way end as Error. A run whose agent stops answering ends as Error within two"
          + " heartbeats; when the agent comes back it removes what that run left on the engine.",
      "",
      "A server that cannot be reached or fails (5xx) is waited out. A token the server refuses"
          + " (revoked, unknown, or not an agent token) stops the agent with exit status 2."
    },
    footer = {
      "",
      "Examples:",
      "  wharf server token create --role agent --name builders",
      "  wharf agent --server http://ci.example:8423 --token \"$TOKEN\"",
      "  wharf agent --server https://a.example --server https://b.example --token \"$TOKEN\" \\",
      "      --pool arm --label gpu=none --concurrency 4 --name build-7",
      "  wharf agent list --server http://ci.example:8423",
      "  wharf agent --server http://ci.example:8423 --token \"$TOKEN\" --pool deploy \\",
      "      --allow-raw-engine-socket   trusted tasks' runs here get the whole engine"
    },
    subcommands = AgentListCommand.class)
final class AgentCommand implements Callable<Integer> {

  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "Server to work for (default: $WHARF_SERVER); repeat for several servers.")
  List<String> servers = new ArrayList<>();

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "An agent token (default: $WHARF_TOKEN): wharf server token create --role agent.")
  String token;

  @Option(
      names = "--pool",
      paramLabel = "NAME",
      description = "Agent pool whose runs this agent takes (default: default).")
  String pool;

  @Option(
      names = "--label",
      paramLabel = "KEY=VALUE",
      description =
          "A label shown in 'wharf agent list'; runs that ask for labels (--agent-label) go only"
              + " to agents that have them all. Repeatable.")
  List<String> labels = new ArrayList<>();

  @Option(names = "--concurrency", paramLabel = "N", description = "Runs at once (default 2).")
  int concurrency = 2;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Unique name of this agent process (default: the host name).")
  String name;

  @Option(
      names = {"-r", "--registry"},
      paramLabel = "HOST",
      description = "The registry runs see as .Run.Registry and $Registry.")
  String registry;

  @Option(
      names = "--allow-raw-engine-socket",
      description =
          "Give the runs of tasks an admin marked trusted (wharf task update --trusted true) the"
              + " whole engine of this machine, as a local 'wharf run' has it: privileged and"
              + " host-network steps, host folders. Without it every run this agent executes is"
              + " untrusted, whatever the server allows (docs/security.md).")
  boolean allowRawEngineSocket;

  @Override
  public Integer call() {
    try {
      return AgentStart.run(this, spec.commandLine().getOut(), spec.commandLine().getErr());
    } catch (BadInputException e) {
      spec.commandLine().getErr().println("Error: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
  }

  /** The labels as a map, refusing anything that is not KEY=VALUE. */
  Map<String, String> labelMap() throws BadInputException {
    return LabelFlags.parse("--label", labels);
  }
}
