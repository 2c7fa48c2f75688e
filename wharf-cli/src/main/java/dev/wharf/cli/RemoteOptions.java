package dev.wharf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of a run queued on a server: where, and whether to wait and stream its log. */
final class RemoteOptions {

  @Mixin ServerConnection connection = new ServerConnection();

  @Option(
      names = "--no-wait",
      description = "With a server: print the queued run and return at once.")
  boolean noWait;

  @Option(
      names = "--no-logs",
      description = "With a server: wait for the run without its log, then print the run.")
  boolean noLogs;

  @Option(
      names = "--agent-pool",
      paramLabel = "NAME",
      description = "With a server: run on an agent of this pool (default: the default pool).")
  String agentPool;

  @Option(
      names = "--agent-label",
      paramLabel = "KEY=VALUE",
      description =
          "With a server: run only on an agent started with --label KEY=VALUE; repeatable (the"
              + " agent needs them all).")
  List<String> agentLabels = new ArrayList<>();

  /** The labels an agent needs to take the run. */
  Map<String, String> agentLabelMap() throws BadInputException {
    return LabelFlags.parse("--agent-label", agentLabels);
  }
}
