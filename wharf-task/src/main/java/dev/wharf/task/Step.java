package dev.wharf.task;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * One step of a task after defaults: every property of acb's step, resolved.
 *
 * <p>{@code workingDirectory} is the inherited value as written; {@link #containerDirectory()} is
 * where the container starts. {@code positions} maps a property name (and {@code when.<i>} for the
 * i-th {@code when} entry) to where its value was written.
 */
public record Step(
    String id,
    String cmd,
    String build,
    List<String> push,
    String workingDirectory,
    String entryPoint,
    String user,
    String network,
    String isolation,
    String cpus,
    String cache,
    List<VolumeMount> volumeMounts,
    List<String> env,
    List<String> expose,
    List<String> ports,
    List<String> when,
    List<Integer> exitedWith,
    List<Integer> exitedWithout,
    int timeout,
    int startDelay,
    int retries,
    int retryDelay,
    List<String> retryOnErrors,
    int repeat,
    int cmdDownloadRetries,
    int cmdDownloadRetryDelay,
    boolean keep,
    boolean detach,
    boolean privileged,
    boolean ignoreErrors,
    boolean disableWorkingDirectoryOverride,
    boolean pull,
    Position position,
    Map<String, Position> positions) {

  /** The `when` token that makes a step start at once. */
  public static final String IMMEDIATE = "-";

  private static final String WORKSPACE = "/workspace";

  public Step {
    push = List.copyOf(push);
    volumeMounts = List.copyOf(volumeMounts);
    env = List.copyOf(env);
    expose = List.copyOf(expose);
    ports = List.copyOf(ports);
    when = List.copyOf(when);
    exitedWith = List.copyOf(exitedWith);
    exitedWithout = List.copyOf(exitedWithout);
    retryOnErrors = List.copyOf(retryOnErrors);
    positions = Map.copyOf(positions);
  }

  /** The step's kind; only meaningful for a validated step, which has exactly one. */
  public StepType type() {
    if (!cmd.isEmpty()) {
      return StepType.CMD;
    }
    return build.isEmpty() ? StepType.PUSH : StepType.BUILD;
  }

  /** Where the value of {@code property} was written, else where the step starts. */
  public Position at(String property) {
    return positions.getOrDefault(property, position);
  }

  /** acb's BuildKit switch: the merged env holds exactly {@code DOCKER_BUILDKIT=1}. */
  public boolean usesBuildKit() {
    return env.contains("DOCKER_BUILDKIT=1");
  }

  /**
   * The directory the step's container starts in: an absolute path cleaned, a relative one (also
   * empty) joined to {@code /workspace} and cleaned.
   */
  public String containerDirectory() {
    return workingDirectory.startsWith("/")
        ? cleanPath(workingDirectory)
        : cleanPath(WORKSPACE + "/" + workingDirectory);
  }

  /** Go's {@code path.Clean} for absolute paths, which acb uses. */
  static String cleanPath(String absolute) {
    ArrayDeque<String> parts = new ArrayDeque<>();
    for (String part : absolute.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(part);
      }
    }
    return "/" + String.join("/", parts);
  }
}
