package dev.wharf.cli;

import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.docker.DockerEngine;
import dev.wharf.engine.run.Leftovers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wharf cleanup}: removes what runs left on the engine after a crash (every run labels its
 * containers, networks and volumes with its id; a run that ends normally removes them itself).
 */
@Command(
    name = "cleanup",
    header = "Remove what crashed runs left on the engine.",
    description = {
      "Removes the containers, networks and volumes that Wharf runs left behind on the engine"
          + " (after a crash or a kill -9), found by their dev.wharf.run-id label."
    },
    footer = {
      "",
      "Examples:",
      "  wharf cleanup              remove what every run left",
      "  wharf cleanup --run w1a2b3c  only what that run left",
      "",
      "Exit status: 0 nothing left, 1 something could not be removed, 3 no engine."
    })
final class CleanupCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--run", paramLabel = "ID", description = "Only the leftovers of this run.")
  String runId;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    try (DockerEngine engine = DockerEngine.fromEnvironment()) {
      Leftovers left = Leftovers.remove(engine, runId == null ? "" : runId);
      left.removed().forEach(what -> out.println("Removed " + what));
      left.failed().forEach(what -> err.println("Could not remove " + what));
      if (left.removed().isEmpty() && left.failed().isEmpty()) {
        out.println("Nothing to clean up.");
      }
      return left.failed().isEmpty() ? 0 : 1;
    } catch (EngineException e) {
      err.println("Error: " + e.getMessage());
      return Main.EXIT_ENVIRONMENT;
    }
  }
}
