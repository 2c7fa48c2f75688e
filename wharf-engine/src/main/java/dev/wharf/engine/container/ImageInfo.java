package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the engine knows about a local image.
 *
 * @param id the image id ({@code sha256:…})
 * @param repoDigests the registry digests, e.g. {@code 127.0.0.1:5000/app@sha256:…}
 * @param os the image's operating system
 * @param architecture the image's architecture
 */
public record ImageInfo(String id, List<String> repoDigests, String os, String architecture) {

  public ImageInfo {
    requireNonNull(id, "id cannot be null");
    repoDigests = List.copyOf(repoDigests);
    requireNonNull(os, "os cannot be null");
    requireNonNull(architecture, "architecture cannot be null");
  }
}
