package dev.wharf.engine.step;

import static java.util.Objects.requireNonNull;

import dev.wharf.task.docker.BuildCacheReference;
import dev.wharf.task.docker.DockerParseException;
import java.util.List;
import java.util.Optional;

/**
 * What names the registry cache of a run's {@code cache: enabled} build steps
 * (docs/buildkit.md#registry-cache).
 *
 * @param taskName the task's name, "" for a run without one ({@code quickrun} in the cache tag)
 * @param registry the run's registry ({@code .Run.Registry}), "" for none
 */
public record BuildCacheScope(String taskName, String registry) {

  /** A run with neither a task name nor a registry. */
  public static final BuildCacheScope NONE = new BuildCacheScope("", "");

  public BuildCacheScope {
    requireNonNull(taskName, "taskName cannot be null");
    requireNonNull(registry, "registry cannot be null");
  }

  /** The cache reference of a build step building {@code tags}; empty when it builds no tag. */
  Optional<String> reference(String stepId, List<String> tags) throws DockerParseException {
    return BuildCacheReference.of(taskName, registry, stepId, tags);
  }
}
