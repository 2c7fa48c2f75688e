package dev.wharf.engine.step;

import java.util.List;

/**
 * What a successful build step built, for the dependency report.
 *
 * @param gitCommit the commit of a git build context, "" otherwise
 */
public record BuiltImage(
    String stepId,
    String dockerfileText,
    List<String> buildArgs,
    String target,
    List<String> tags,
    String gitCommit) {

  public BuiltImage {
    buildArgs = List.copyOf(buildArgs);
    tags = List.copyOf(tags);
  }
}
