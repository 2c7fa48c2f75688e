package dev.wharf.task;

import dev.wharf.task.docker.BuildArgs;
import dev.wharf.task.docker.BuildRequest;
import dev.wharf.task.docker.ContextSpec;
import dev.wharf.task.docker.DockerParseException;

/** Reads a build step's {@code build} string as {@code docker build} does, for the task loader. */
final class BuildStrings {

  private BuildStrings() {}

  /** The inspect view of a build string; a bad string is an {@link IllegalArgumentException}. */
  static BuildSummary summary(String build) {
    BuildRequest request;
    try {
      request = BuildArgs.parse(build);
    } catch (DockerParseException e) {
      String hint = e.hint();
      throw new IllegalArgumentException(
          e.getMessage() + (hint.isEmpty() ? "" : " (" + hint + ")"), e);
    }
    ContextSpec context = request.contextSpec();
    return new BuildSummary(
        request.tags(),
        request.buildArgs(),
        request.dockerfile(),
        request.target(),
        request.context(),
        context.kind().label(),
        context.gitRef(),
        context.gitSubdir());
  }
}
