package dev.wharf.api;

import java.util.List;

/**
 * How one step of a run ended and how long it took.
 *
 * @param dependsOn the steps this one waited for (its {@code when}, after defaults); empty when it
 *     started at once or when the run was recorded before steps carried their dependencies
 */
public record StepTiming(String id, String status, double seconds, List<String> dependsOn) {
  public StepTiming {
    dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
  }

  /** A step that waited for nothing. */
  public StepTiming(String id, String status, double seconds) {
    this(id, status, seconds, List.of());
  }
}
