package dev.wharf.task.docker;

import java.util.List;
import java.util.Optional;

/**
 * Where a build step with {@code cache: enabled} keeps its registry cache, named as acb names it
 * (docs/buildkit.md#registry-cache): {@code <domain>/<path>:cache_<task>_<step>}. The domain and
 * path are those of the first tag that has a domain, where any first component of a name with a
 * slash counts as one ({@code myorg/app} has the domain {@code myorg}); when no tag has one, the
 * run's registry and the first tag's path.
 */
public final class BuildCacheReference {

  /** The task name in the cache tag of a run that has none, as acb writes it. */
  public static final String QUICK_RUN = "quickrun";

  private BuildCacheReference() {}

  /**
   * The cache reference of the step {@code stepId} that builds {@code tags}, empty when it builds
   * no tag.
   *
   * @param taskName the task's name, "" for a run without one
   * @param runRegistry the run's registry ({@code .Run.Registry}), "" for none
   * @throws DockerParseException when the reference is not a valid image reference, e.g. a tag over
   *     128 characters
   */
  public static Optional<String> of(
      String taskName, String runRegistry, String stepId, List<String> tags)
      throws DockerParseException {
    if (tags.isEmpty()) {
      return Optional.empty();
    }
    String domain = "";
    String path = "";
    for (String tag : tags) {
      String problem = ReferenceGrammar.check(tag);
      if (problem != null) {
        throw new DockerParseException(problem + ": " + tag);
      }
      String[] parts = name(tag).split("/", 2);
      if (parts.length == 2
          && ReferenceGrammar.isDomain(parts[0])
          && ReferenceGrammar.check(parts[1]) == null) {
        domain = parts[0];
        path = parts[1];
        break;
      }
    }
    if (domain.isEmpty()) {
      if (runRegistry.isEmpty()) {
        throw new DockerParseException("no tag names a registry and the run has none (--registry)");
      }
      domain = runRegistry;
      path = name(tags.get(0));
    }
    String cacheTag = "cache_" + (taskName.isEmpty() ? QUICK_RUN : taskName) + "_" + stepId;
    if (!ReferenceGrammar.isTag(cacheTag)) {
      throw new DockerParseException(
          "invalid tag format: "
              + cacheTag
              + " (a tag is at most 128 letters, digits, '_', '.' and '-')");
    }
    String reference = domain + "/" + path + ":" + cacheTag;
    String problem = ReferenceGrammar.check(reference);
    if (problem != null) {
      throw new DockerParseException(problem + ": " + reference);
    }
    return Optional.of(reference);
  }

  /** The name part of a valid reference: without its digest and tag. */
  private static String name(String reference) {
    int at = reference.indexOf('@');
    String name = at < 0 ? reference : reference.substring(0, at);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }
}
