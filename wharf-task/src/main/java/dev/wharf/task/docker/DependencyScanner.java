package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the images a build depends on, as {@code wharf scan} and build steps report them: acb's
 * report shape (runtime and build-time base images per tag) over a real Dockerfile parser
 * (docs/behaviour.md#dockerfile-scan, #image-references).
 */
public final class DependencyScanner {
  private DependencyScanner() {}

  /**
   * The dependencies JSON of a build, on one line, as {@code wharf scan -f Dockerfile [--build-arg
   * A]… [--target T] [-t TAG]… .} prints it for a folder that is not a git checkout.
   *
   * @param buildArgs {@code K=V} values; a bare {@code K} (docker takes it from the environment)
   *     leaves the ARG as declared, so callers resolve bare names first
   * @param target the stage to build, "" or null for the last one
   */
  public static String scan(
      String dockerfileText, List<String> buildArgs, String target, List<String> tags)
      throws DockerParseException {
    return DependenciesJson.write(dependencies(dockerfileText, buildArgs, target, tags, ""));
  }

  /** One entry per tag (one entry with no image when there is no tag), as acb reports them. */
  public static List<ImageDependencies> dependencies(
      String dockerfileText,
      List<String> buildArgs,
      String target,
      List<String> tags,
      String gitHeadRevision)
      throws DockerParseException {
    requireNonNull(dockerfileText, "dockerfileText cannot be null");
    requireNonNull(buildArgs, "buildArgs cannot be null");
    requireNonNull(tags, "tags cannot be null");
    requireNonNull(gitHeadRevision, "gitHeadRevision cannot be null");
    BaseImages bases =
        BaseImages.of(
            Dockerfile.parse(dockerfileText), buildArgMap(buildArgs), target == null ? "" : target);
    ImageReference runtime = ImageReference.parse(bases.runtime());
    // acb compares build-time images to the runtime one as written, then merges the rest on
    // their normalised form without "library/", keeping the first spelling seen.
    Map<String, ImageReference> buildtime = new LinkedHashMap<>();
    for (String origin : bases.origins()) {
      if (origin.equals(bases.runtime())) {
        continue;
      }
      String normalised = ImageReference.parse(origin).reference();
      if (normalised.startsWith("library/")) {
        normalised = normalised.substring("library/".length());
      }
      if (!buildtime.containsKey(normalised)) {
        buildtime.put(normalised, ImageReference.parse(normalised));
      }
    }
    List<ImageDependencies> entries = new ArrayList<>();
    List<String> images = tags.isEmpty() ? Collections.singletonList(null) : tags;
    for (String tag : images) {
      entries.add(
          new ImageDependencies(
              tag == null ? null : ImageReference.parse(tag),
              runtime,
              List.copyOf(buildtime.values()),
              gitHeadRevision));
    }
    return entries;
  }

  private static Map<String, String> buildArgMap(List<String> buildArgs) {
    Map<String, String> map = new HashMap<>();
    for (String arg : buildArgs) {
      int eq = arg.indexOf('=');
      if (eq > 0) {
        map.put(arg.substring(0, eq), arg.substring(eq + 1));
      }
    }
    return map;
  }
}
