package dev.wharf.cli;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.LabelledResources;
import dev.wharf.engine.docker.DockerEngine;
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
      LabelledResources left =
          engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId == null ? "" : runId);
      int failures = 0;
      for (String id : left.containerIds()) {
        failures += remove(() -> engine.removeContainer(id), "container " + id, out, err);
      }
      for (String name : left.networkNames()) {
        failures += remove(() -> engine.removeNetwork(name), "network " + name, out, err);
      }
      for (String name : left.volumeNames()) {
        failures += remove(() -> engine.removeVolume(name), "volume " + name, out, err);
      }
      if (left.isEmpty()) {
        out.println("Nothing to clean up.");
      }
      return failures == 0 ? 0 : 1;
    } catch (EngineException e) {
      err.println("Error: " + e.getMessage());
      return Main.EXIT_ENVIRONMENT;
    }
  }

  private interface Removal {
    void run() throws EngineException;
  }

  private static int remove(
      Removal removal, String what, java.io.PrintWriter out, java.io.PrintWriter err) {
    try {
      removal.run();
      out.println("Removed " + what);
      return 0;
    } catch (EngineException e) {
      err.println("Could not remove " + what + ": " + e.getMessage());
      return 1;
    }
  }
}
