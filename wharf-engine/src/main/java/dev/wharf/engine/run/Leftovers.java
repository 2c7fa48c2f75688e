package dev.wharf.engine.run;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.LabelledResources;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what carries a run's label ({@link ContainerEngine#RUN_ID_LABEL}): after a run that did
 * not succeed, after a run whose server was killed, and for {@code wharf cleanup}.
 *
 * @param removed what was removed, as {@code container ID}, {@code network NAME}, {@code volume
 *     NAME}
 * @param failed what could not be removed, with the engine's reason
 */
public record Leftovers(List<String> removed, List<String> failed) {

  public Leftovers {
    removed = List.copyOf(removed);
    failed = List.copyOf(failed);
  }

  /** Removes everything labelled with {@code runId}, or with any run id when it is "". */
  public static Leftovers remove(ContainerEngine engine, String runId) throws EngineException {
    LabelledResources found = engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId);
    List<String> removed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String id : found.containerIds()) {
      remove(removed, failed, "container " + id, () -> engine.removeContainer(id));
    }
    for (String name : found.networkNames()) {
      remove(removed, failed, "network " + name, () -> engine.removeNetwork(name));
    }
    for (String name : found.volumeNames()) {
      remove(removed, failed, "volume " + name, () -> engine.removeVolume(name));
    }
    return new Leftovers(removed, failed);
  }

  private interface Removal {
    void run() throws EngineException;
  }

  private static void remove(
      List<String> removed, List<String> failed, String what, Removal removal) {
    try {
      removal.run();
      removed.add(what);
    } catch (EngineException e) {
      failed.add(what + ": " + e.getMessage());
    }
  }
}
