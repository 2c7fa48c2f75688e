package dev.wharf.task.docker;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed {@code docker build} command line.
 *
 * @param tags every {@code -t/--tag} value, in order
 * @param buildArgs every {@code --build-arg} value as written ({@code K=V} or {@code K})
 * @param dockerfile the {@code -f/--file} value, "" when absent
 * @param target the {@code --target} value, "" when absent
 * @param context the positional context, as written
 * @param flags every flag in order, including the ones above
 * @param buildKitFlags the long names of the BuildKit-only flags used ({@code secret}, {@code ssh},
 *     ...), each once
 */
public record BuildRequest(
    List<String> tags,
    List<String> buildArgs,
    String dockerfile,
    String target,
    String context,
    List<FlagValue> flags,
    List<String> buildKitFlags) {
  public BuildRequest {
    tags = List.copyOf(tags);
    buildArgs = List.copyOf(buildArgs);
    requireNonNull(dockerfile, "dockerfile cannot be null");
    requireNonNull(target, "target cannot be null");
    requireNonNull(context, "context cannot be null");
    flags = List.copyOf(flags);
    buildKitFlags = List.copyOf(buildKitFlags);
  }

  /** The context's kind and, for git contexts, its ref and folder. */
  public ContextSpec contextSpec() {
    return ContextSpec.parse(context);
  }

  /** Whether only BuildKit can run this build. */
  public boolean needsBuildKit() {
    return !buildKitFlags.isEmpty();
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
}
