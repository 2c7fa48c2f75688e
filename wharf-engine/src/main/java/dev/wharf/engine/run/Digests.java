package dev.wharf.engine.run;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.ImageDependencies;
import dev.wharf.task.docker.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills the digests of a run's dependencies: an image pushed in this run has the digest the
 * registry returned, any other image the registry digest the engine knows for it, else none.
 */
final class Digests {
  private final ContainerEngine engine;
  private final Map<String, String> pushed;

  /**
   * @param pushed digests by image as written in the push steps
   */
  Digests(ContainerEngine engine, Map<String, String> pushed) {
    this.engine = engine;
    this.pushed = pushed;
  }

  List<ImageDependencies> fill(List<ImageDependencies> entries) throws EngineException {
    List<ImageDependencies> filled = new ArrayList<>();
    for (ImageDependencies entry : entries) {
      List<ImageReference> buildtime = new ArrayList<>();
      for (ImageReference ref : entry.buildtime()) {
        buildtime.add(fill(ref));
      }
      filled.add(
          new ImageDependencies(
              entry.image() == null ? null : fill(entry.image()),
              fill(entry.runtime()),
              buildtime,
              entry.gitHeadRevision()));
    }
    return filled;
  }

  private ImageReference fill(ImageReference ref) throws EngineException {
    if (!ref.digest().isEmpty() || ref.reference().equals("scratch:latest")) {
      return ref;
    }
    for (Map.Entry<String, String> push : pushed.entrySet()) {
      if (sameImage(push.getKey(), ref)) {
        return ref.withDigest(push.getValue());
      }
    }
    Optional<ImageInfo> image = engine.inspectImage(ref.reference());
    if (image.isEmpty()) {
      return ref;
    }
    String repository =
        ref.registry().equals(ImageReference.DOCKER_HUB)
            ? ref.repository().replaceFirst("^library/", "")
            : ref.registry() + "/" + ref.repository();
    for (String repoDigest : image.get().repoDigests()) {
      if (repoDigest.startsWith(repository + "@")) {
        return ref.withDigest(repoDigest.substring(repository.length() + 1));
      }
    }
    return ref;
  }

  private static boolean sameImage(String written, ImageReference ref) {
    try {
      ImageReference pushedRef = ImageReference.parse(written);
      return pushedRef.registry().equals(ref.registry())
          && pushedRef.repository().equals(ref.repository())
          && pushedRef.tag().equals(ref.tag());
    } catch (DockerParseException e) {
      return false;
    }
  }
}
