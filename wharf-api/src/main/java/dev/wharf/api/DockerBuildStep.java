package dev.wharf.api;

import java.util.List;

/**
 * What a Dockerfile task builds and pushes ({@code az acr task create -f Dockerfile -t …}); its
 * Dockerfile is the task's {@code file}. A run of it is the build and push that {@code wharf build}
 * runs (docs/behaviour.md#quick-tasks): tags are templated and get the run's registry in front
 * unless they name one.
 *
 * @param imageNames the {@code -t} tags, templated ({@code hello:{{.Run.ID}}})
 * @param arguments {@code --arg} and {@code --secret-arg}, in the order given
 * @param target the stage to build, or null for the last
 * @param platform the platform to build for ({@code --platform}), or null for the engine's
 * @param noPush whether the tags stay on the engine ({@code --no-push}) instead of being pushed
 */
public record DockerBuildStep(
    List<String> imageNames,
    List<BuildArgument> arguments,
    String target,
    String platform,
    boolean noPush,
    boolean noCache) {
  public DockerBuildStep {
    imageNames = imageNames == null ? List.of() : List.copyOf(imageNames);
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
    target = target == null || target.isBlank() ? null : target;
    platform = platform == null || platform.isBlank() ? null : platform;
  }

  /** The build of a Dockerfile task saved without build flags: untagged, nothing pushed. */
  public static DockerBuildStep untagged() {
    return new DockerBuildStep(null, null, null, null, false, false);
  }

  /** The values of the secret arguments, to mask. */
  public List<String> secretValues() {
    return arguments.stream()
        .filter(BuildArgument::secret)
        .map(BuildArgument::value)
        .filter(v -> v != null && !v.isEmpty())
        .toList();
  }

  /** This build as the API shows it: secret arguments by name only. */
  public DockerBuildStep shown() {
    return withArguments(arguments.stream().map(BuildArgument::shown).toList());
  }

  /** This build without its secret arguments (a run that does not get the task's secrets). */
  public DockerBuildStep withoutSecrets() {
    return withArguments(arguments.stream().filter(a -> !a.secret()).toList());
  }

  /** This build with other arguments. */
  public DockerBuildStep withArguments(List<BuildArgument> newArguments) {
    return new DockerBuildStep(imageNames, newArguments, target, platform, noPush, noCache);
  }
}
