package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

/**
 * One flag as given on a docker command line: its long name without dashes ({@code tag}) and its
 * value ({@code "true"} or {@code "false"} for a boolean flag).
 */
public record FlagValue(String name, String value) {
  public FlagValue {
    requireNonNull(name, "name cannot be null");
    requireNonNull(value, "value cannot be null");
  }
}
