package dev.wharf.server.agent;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.LabelledResources;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Removes what still carries a run's label once the run has ended. The engine cleans up after
 * itself, but a container it was creating ahead of a step (while an earlier step ran) can land just
 * after a cancelled or failed run's cleanup; a server must not collect such leftovers run by run.
 */
final class Leftovers {
  private static final Duration SETTLE = Duration.ofSeconds(1);

  private Leftovers() {}

  /** Removes the run's leftovers now and, unless it succeeded, once more after a moment. */
  static void remove(ContainerEngine engine, String runId, boolean succeeded, PrintStream log)
      throws InterruptedException {
    sweep(engine, runId, log);
    if (!succeeded) {
      Thread.sleep(SETTLE.toMillis());
      sweep(engine, runId, log);
    }
  }

  private static void sweep(ContainerEngine engine, String runId, PrintStream log) {
    try {
      LabelledResources left = engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId);
      for (String id : left.containerIds()) {
        engine.removeContainer(id);
      }
      for (String network : left.networkNames()) {
        engine.removeNetwork(network);
      }
      for (String volume : left.volumeNames()) {
        engine.removeVolume(volume);
      }
      if (!left.isEmpty()) {
        log.println(
            "Removed what the run left: "
                + left.containerIds().size()
                + " container(s), "
                + left.networkNames().size()
                + " network(s), "
                + left.volumeNames().size()
                + " volume(s)");
      }
    } catch (EngineException e) {
      log.println("Could not remove what the run left (wharf cleanup does): " + e.getMessage());
    }
  }
}
