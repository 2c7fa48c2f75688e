package dev.wharf.cli;

import picocli.CommandLine.Command;

/** {@code wharf agent list}: the agents attached to a server, with what they run now. */
@Command(
    name = "list",
    description =
        "Lists the agents: name, pool, labels, version, platform, last seen, running runs.",
    footer = {
      "",
      "Examples:",
      "  wharf agent list --server http://127.0.0.1:8423",
      "  wharf agent list -o json"
    })
final class AgentListCommand extends ServiceCommand {
  @Override
  int run(ServerSession server) {
    var agents = server.client().agents();
    out().print(json() ? RunWatch.json(agents) + "\n" : RunTable.agents(agents));
    return 0;
  }
}
