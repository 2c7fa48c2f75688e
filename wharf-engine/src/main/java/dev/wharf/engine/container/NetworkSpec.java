package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A network to create.
 *
 * @param name the network's name
 * @param driver the driver, e.g. {@code bridge}; empty for the engine's default
 * @param ipv6 whether IPv6 is enabled
 * @param internal whether the network is cut off from the outside
 * @param labels labels put on the network, besides the engine's own
 */
public record NetworkSpec(
    String name, String driver, boolean ipv6, boolean internal, Map<String, String> labels) {

  public NetworkSpec {
    requireNonNull(name, "name cannot be null");
    requireNonNull(driver, "driver cannot be null");
    labels = Map.copyOf(labels);
  }

  /** A bridge network with no IPv6 and no extra labels. */
  public static NetworkSpec bridge(String name) {
    return new NetworkSpec(name, "bridge", false, false, Map.of());
  }
}
