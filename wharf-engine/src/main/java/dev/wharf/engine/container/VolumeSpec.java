package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A named volume to create.
 *
 * @param name the volume's name
 * @param labels labels put on the volume, besides the engine's own
 */
public record VolumeSpec(String name, Map<String, String> labels) {

  public VolumeSpec {
    requireNonNull(name, "name cannot be null");
    labels = Map.copyOf(labels);
  }

  /** A volume with no extra labels. */
  public static VolumeSpec named(String name) {
    return new VolumeSpec(name, Map.of());
  }
}
