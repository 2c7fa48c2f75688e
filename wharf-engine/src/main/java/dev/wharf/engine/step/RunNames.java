package dev.wharf.engine.step;

import java.util.Map;
import java.util.Objects;

/**
 * The engine names of one run's resources (docs/behaviour.md#run-names): every run has its own
 * default network, workspace, home and secret volumes, and names its containers {@code <run
 * id>-<step id>}, so two runs on one engine never collide.
 *
 * @param runId the run's id
 * @param defaultNetwork the engine network that {@code acb_default_network} means in this run
 * @param volumes task volume name → engine volume name
 * @param externalNetwork the default network is the user's ({@code --network}): not created or
 *     removed by the run
 */
public record RunNames(
    String runId, String defaultNetwork, Map<String, String> volumes, boolean externalNetwork) {

  /** The logical name of the default network in task files. */
  public static final String ACB_DEFAULT_NETWORK = "acb_default_network";

  public RunNames {
    Objects.requireNonNull(runId, "runId cannot be null");
    Objects.requireNonNull(defaultNetwork, "defaultNetwork cannot be null");
    volumes = Map.copyOf(volumes);
  }

  /** Names for run {@code runId}: its own default network unless {@code external} is given. */
  public static RunNames of(String runId, String external, Iterable<String> taskVolumes) {
    String prefix = sanitise(runId);
    Map<String, String> volumes = new java.util.LinkedHashMap<>();
    for (String volume : taskVolumes) {
      volumes.put(volume, prefix + "-" + volume);
    }
    boolean given = external != null && !external.isEmpty();
    return new RunNames(runId, given ? external : prefix + "-default", volumes, given);
  }

  public String workspaceVolume() {
    return sanitise(runId) + "-workspace";
  }

  public String homeVolume() {
    return sanitise(runId) + "-home";
  }

  /** The engine network for a network named in the task. */
  public String network(String logical) {
    return logical.isEmpty() || logical.equals(ACB_DEFAULT_NETWORK) ? defaultNetwork : logical;
  }

  /** The engine volume for a volume named in the task. */
  public String volume(String logical) {
    return volumes.getOrDefault(logical, logical);
  }

  /** The container of a step (attempts share the name: a retry removes the previous one). */
  public String container(String stepId) {
    return sanitise(runId + "-" + stepId);
  }

  /** Docker's name rule: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}; other characters become {@code _}. */
  static String sanitise(String name) {
    String clean = name.replaceAll("[^a-zA-Z0-9_.-]", "_");
    if (clean.isEmpty() || !Character.isLetterOrDigit(clean.charAt(0))) {
      clean = "w" + clean;
    }
    return clean;
  }
}
