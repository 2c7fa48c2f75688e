package dev.wharf.engine.run;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.LabelledResources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Removes what runs left on an engine, found by label: containers first (they hold the networks and
 * volumes), then networks and volumes, each group concurrently.
 */
public final class Cleanup {
  /** Put on everything a run creates, so that {@code wharf cleanup} finds every run's leftovers. */
  public static final String MANAGED_LABEL = "dev.wharf.managed";

  private Cleanup() {}

  /**
   * Removes everything labelled {@code key=value}.
   *
   * @return what was found and removed
   * @throws EngineException the first removal failure, once everything else was tried
   */
  public static LabelledResources remove(
      ContainerEngine engine, String key, String value, Executor executor) throws EngineException {
    LabelledResources found = engine.listByLabel(key, value);
    List<Throwable> failures = new ArrayList<>();
    await(
        found.containerIds().stream()
            .map(id -> run(executor, () -> engine.removeContainer(id)))
            .toList(),
        failures);
    List<CompletableFuture<Void>> rest = new ArrayList<>();
    found.networkNames().forEach(n -> rest.add(run(executor, () -> engine.removeNetwork(n))));
    found.volumeNames().forEach(v -> rest.add(run(executor, () -> engine.removeVolume(v))));
    await(rest, failures);
    if (!failures.isEmpty()) {
      Throwable first = failures.get(0);
      if (first instanceof EngineException e) {
        throw e;
      }
      throw new EngineException("clean up " + key + "=" + value, first.toString(), first);
    }
    return found;
  }

  private interface Removal {
    void remove() throws EngineException;
  }

  private static CompletableFuture<Void> run(Executor executor, Removal removal) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            removal.remove();
          } catch (EngineException e) {
            throw new CompletionException(e);
          }
        },
        executor);
  }

  private static void await(List<CompletableFuture<Void>> removals, List<Throwable> failures) {
    for (CompletableFuture<Void> removal : removals) {
      try {
        removal.join();
      } catch (CompletionException e) {
        failures.add(e.getCause());
      }
    }
  }
}
