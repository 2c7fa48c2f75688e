package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one image built by a build step depends on: one entry of acb's dependencies report.
 *
 * @param image the built image (one of the build's tags), or null when the build has no tag
 * @param runtime the base image of the final (or target) stage
 * @param buildtime the other base images, each once, in Dockerfile order
 * @param gitHeadRevision the commit of a git context, "" otherwise
 */
public record ImageDependencies(
    ImageReference image,
    ImageReference runtime,
    List<ImageReference> buildtime,
    String gitHeadRevision) {
  public ImageDependencies {
    requireNonNull(runtime, "runtime cannot be null");
    buildtime = List.copyOf(buildtime);
    requireNonNull(gitHeadRevision, "gitHeadRevision cannot be null");
  }
}
