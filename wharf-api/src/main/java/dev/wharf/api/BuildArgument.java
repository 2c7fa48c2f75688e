package dev.wharf.api;

import java.util.Objects;

/**
 * A {@code --build-arg} of a Dockerfile task ({@code --arg} or {@code --secret-arg}), as ACR's task
 * argument: a secret one's value is write-only, sealed with the task and masked in its logs.
 *
 * @param value the value; null in what the API shows for a secret argument
 */
public record BuildArgument(String name, String value, boolean secret) {
  public BuildArgument {
    if (name == null || name.isBlank() || name.contains("=")) {
      throw new IllegalArgumentException("a build argument needs a name without '=': " + name);
    }
  }

  /** This argument as the API shows it: a secret one without its value. */
  public BuildArgument shown() {
    return secret ? new BuildArgument(name, null, true) : this;
  }

  /** {@code NAME=VALUE}, as {@code docker build --build-arg} takes it. */
  public String assignment() {
    return name + "=" + Objects.requireNonNullElse(value, "");
  }
}
