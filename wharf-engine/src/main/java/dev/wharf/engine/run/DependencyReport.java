package dev.wharf.engine.run;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.engine.step.BuiltImage;
import dev.wharf.task.docker.DependencyScanner;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.ImageDependencies;
import dev.wharf.task.docker.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dependencies report of a run's builds (docs/behaviour.md#dependencies-report): the images
 * each build step produced and the base images it used, with the registry digests the engine knows
 * for them (a pushed image, or a base image pulled from a registry), else empty.
 */
final class DependencyReport {

  private DependencyReport() {}

  /** The report's entries, none when no build step succeeded. */
  static List<ImageDependencies> of(List<BuiltImage> builds, ContainerEngine engine)
      throws DockerParseException, EngineException {
    List<ImageDependencies> entries = new ArrayList<>();
    for (BuiltImage built : builds) {
      for (ImageDependencies d :
          DependencyScanner.dependencies(
              built.dockerfileText(),
              built.buildArgs(),
              built.target(),
              built.tags(),
              built.gitCommit())) {
        List<ImageReference> buildtime = new ArrayList<>();
        for (ImageReference r : d.buildtime()) {
          buildtime.add(withDigest(r, engine));
        }
        entries.add(
            new ImageDependencies(
                d.image() == null ? null : withDigest(d.image(), engine),
                withDigest(d.runtime(), engine),
                buildtime,
                d.gitHeadRevision()));
      }
    }
    return entries;
  }

  private static ImageReference withDigest(ImageReference ref, ContainerEngine engine)
      throws EngineException {
    if (!ref.digest().isEmpty() || ref.reference().equals("scratch:latest")) {
      return ref;
    }
    Optional<ImageInfo> image = engine.inspectImage(ref.reference());
    if (image.isEmpty()) {
      return ref;
    }
    String prefix =
        ref.registry().equals(ImageReference.DOCKER_HUB)
            ? ref.repository().replaceFirst("^library/", "") + "@"
            : ref.registry() + "/" + ref.repository() + "@";
    for (String digest : image.get().repoDigests()) {
      if (digest.startsWith(prefix)) {
        return ref.withDigest(digest.substring(prefix.length()));
      }
    }
    return ref;
  }
}
