package dev.wharf.task;

import java.util.List;

/**
 * What a build step's {@code build} string asks for, as shown by {@code wharf inspect}; filled by
 * the build-string parser that the loader is given.
 */
public record BuildSummary(
    List<String> tags,
    List<String> buildArgs,
    String dockerfile,
    String target,
    String context,
    String contextKind,
    String gitRef,
    String gitSubdir) {

  public BuildSummary {
    tags = List.copyOf(tags);
    buildArgs = List.copyOf(buildArgs);
  }
}
