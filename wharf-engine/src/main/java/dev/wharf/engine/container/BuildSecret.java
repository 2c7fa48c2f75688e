package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

/**
 * A secret a BuildKit build may mount ({@code --secret id=…}, read by {@code RUN
 * --mount=type=secret,id=…}); its value never shows in {@link #toString()}.
 */
public final class BuildSecret {
  private final String id;
  private final byte[] value;

  public BuildSecret(String id, byte[] value) {
    this.id = requireNonNull(id, "id cannot be null");
    this.value = value.clone();
  }

  public String id() {
    return id;
  }

  /** A copy of the value. */
  public byte[] value() {
    return value.clone();
  }

  @Override
  public String toString() {
    return "BuildSecret[" + id + "]";
  }
}
