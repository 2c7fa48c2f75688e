package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed {@code cmd} string: the {@code docker run} flags before the image, the image, and the
 * container's arguments.
 *
 * @param flags the {@code docker run} flags in order, by long name ({@code env}, {@code volume})
 * @param image the image word as written
 * @param args the words after the image, given to the container unchanged
 */
public record RunRequest(List<FlagValue> flags, String image, List<String> args) {
  public RunRequest {
    flags = List.copyOf(flags);
    requireNonNull(image, "image cannot be null");
    args = List.copyOf(args);
  }

  /** Every value of the flag with this long name, in order. */
  public List<String> values(String flag) {
    return FlagValues.of(flags, flag);
  }

  /** The last value of the flag with this long name, or "" when it is absent. */
  public String value(String flag) {
    return FlagValues.last(flags, flag);
  }

  /** Whether the boolean flag with this long name is on (its last value is {@code true}). */
  public boolean enabled(String flag) {
    return FlagValues.last(flags, flag).equals("true");
  }

  /** The {@code -e/--env} values, {@code K=V} or {@code K}, in order. */
  public List<String> env() {
    return values("env");
  }

  /** The {@code -v/--volume} values, in order. */
  public List<String> volumes() {
    return values("volume");
  }

  /** The {@code -w/--workdir} value, or "". */
  public String workdir() {
    return value("workdir");
  }

  /** The {@code -u/--user} value, or "". */
  public String user() {
    return value("user");
  }

  /** The {@code --entrypoint} value, or "". */
  public String entrypoint() {
    return value("entrypoint");
  }

  /** The {@code --network} value, or "". */
  public String network() {
    return value("network");
  }
}
