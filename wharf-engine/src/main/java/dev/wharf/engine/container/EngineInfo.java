package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

/**
 * What the engine reports about itself, in Go's platform words.
 *
 * @param os the engine's operating system, e.g. {@code linux}
 * @param architecture the engine's architecture, e.g. {@code amd64}
 * @param apiVersion the Engine API version this client talks, after negotiation
 * @param serverVersion the engine's own version, e.g. {@code 20.10.24}
 */
public record EngineInfo(String os, String architecture, String apiVersion, String serverVersion) {

  public EngineInfo {
    requireNonNull(os, "os cannot be null");
    requireNonNull(architecture, "architecture cannot be null");
    requireNonNull(apiVersion, "apiVersion cannot be null");
    requireNonNull(serverVersion, "serverVersion cannot be null");
  }
}
