package dev.wharf.server.agent;

import dev.wharf.api.BuildArgument;
import dev.wharf.api.DockerBuildStep;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunType;
import dev.wharf.task.QuickTask;
import java.util.List;
import java.util.Optional;

/**
 * A Dockerfile task's run as the build and push steps {@code wharf build} runs (one task text,
 * {@link QuickTask#build}): its {@code -t} tags get the run's registry in front unless they name
 * one, its secret arguments are masked like secret values.
 */
final class DockerfileBuild {
  private DockerfileBuild() {}

  /** The build a job runs, if it builds a Dockerfile. */
  static Optional<DockerBuildStep> of(RunJob job) {
    RunSpec spec = job.spec();
    if (spec.build() != null) {
      return Optional.of(spec.build());
    }
    // a run queued before Dockerfile tasks had build flags builds untagged, as it did then
    if (job.type() == RunType.AutoBuild && spec.taskText() == null) {
      return Optional.of(DockerBuildStep.untagged());
    }
    return Optional.empty();
  }

  /** The build and push of {@code build}'s Dockerfile {@code dockerfile} for {@code registry}. */
  static QuickTask.Build steps(DockerBuildStep build, String dockerfile, String registry) {
    return new QuickTask.Build(
        build.imageNames().stream().map(tag -> QuickTask.registryTag(tag, registry)).toList(),
        dockerfile,
        assignments(build.arguments(), false),
        assignments(build.arguments(), true),
        build.target(),
        build.platform(),
        build.noCache(),
        false,
        ".",
        !build.noPush());
  }

  /**
   * Why the build cannot push without a registry (a tag naming none while the run has none), or
   * empty; pushing such a tag would go to Docker Hub.
   */
  static Optional<String> missingRegistry(DockerBuildStep build, String registry) {
    if (build.noPush() || (registry != null && !registry.isEmpty())) {
      return Optional.empty();
    }
    return build.imageNames().stream()
        .filter(tag -> !QuickTask.namesRegistry(tag))
        .findFirst()
        .map(
            tag ->
                "the image "
                    + tag
                    + " names no registry and the run has none: start the server with --registry"
                    + " HOST, or give -t HOST/"
                    + tag
                    + ", or --no-push");
  }

  private static List<String> assignments(List<BuildArgument> arguments, boolean secret) {
    return arguments.stream()
        .filter(a -> a.secret() == secret)
        .map(BuildArgument::assignment)
        .toList();
  }
}
