package dev.wharf.task;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * acb's task initialisation: defaults, default network, env merge, ids, image names (§1.4, §1.9).
 */
final class TaskDefaults {

  static final String DEFAULT_VERSION = "v1.0.0";
  static final int DEFAULT_STEP_TIMEOUT = 600;
  static final int DEFAULT_RETRY_DELAY = 5;

  private final String file;

  TaskDefaults(String file) {
    this.file = file;
  }

  static void applyVersion(TaskDraft task) {
    if (task.version.isEmpty()) {
      task.version = DEFAULT_VERSION;
    }
  }

  /**
   * Merges {@code cliEnv} into the task env and appends {@code cliNetwork} as an external default
   * network, as {@code acb exec --env/--network} do; both may be empty.
   */
  void applyRunOptions(TaskDraft task, List<String> cliEnv, String cliNetwork)
      throws TaskException {
    try {
      task.env = EnvironmentMerge.merge(task.env, cliEnv);
    } catch (IllegalArgumentException e) {
      throw new TaskException(file, task.at("env"), e.getMessage(), "write entries as KEY=VALUE");
    }
    if (!cliNetwork.isEmpty()) {
      task.networks.add(new Network(cliNetwork, "external", false, true, true, Position.START));
    }
  }

  void applySteps(TaskDraft task) throws TaskException {
    if (task.stepTimeout <= 0) {
      task.stepTimeout = DEFAULT_STEP_TIMEOUT;
    }
    if (task.totalTimeout < 0) {
      task.totalTimeout = 0;
    }
    String defaultNetwork = defaultNetwork(task);
    for (int i = 0; i < task.steps.size(); i++) {
      StepDraft step = task.steps.get(i);
      if (step.timeout <= 0) {
        step.timeout = task.stepTimeout;
      }
      if (step.retryDelay <= 0) {
        step.retryDelay = DEFAULT_RETRY_DELAY;
      }
      if (defaultNetwork != null && step.network.isEmpty()) {
        step.network = defaultNetwork;
      }
      try {
        step.env = EnvironmentMerge.merge(step.env, task.env);
      } catch (IllegalArgumentException e) {
        throw new TaskException(
            file,
            step.at("env"),
            "failed to merge task and step environment variables: " + e.getMessage(),
            "write every env entry as KEY=VALUE; task env entries are also split on commas");
      }
      if (step.id.isEmpty()) {
        step.id = "acb_step_" + i;
      }
      if (step.workingDirectory.isEmpty()) {
        step.workingDirectory = task.workingDirectory;
      }
      step.push = normalisedImages(step.push);
    }
  }

  /** The name stamped on steps without a network, or null when steps keep none. */
  private static String defaultNetwork(TaskDraft task) {
    for (int i = task.networks.size() - 1; i >= 0; i--) {
      if (task.networks.get(i).isDefault()) {
        return task.networks.get(i).name();
      }
    }
    if (!task.networks.isEmpty()) {
      return null;
    }
    task.networks.add(
        new Network(Network.DEFAULT_NAME, "bridge", false, false, true, Position.START));
    return Network.DEFAULT_NAME;
  }

  /**
   * Adds {@code :latest} to untagged references (also {@code host:port/repo}) and de-duplicates.
   */
  static List<String> normalisedImages(List<String> images) {
    LinkedHashSet<String> normalised = new LinkedHashSet<>();
    for (String image : images) {
      String lastComponent = image.substring(image.lastIndexOf('/') + 1);
      boolean tagged = image.contains("@") || lastComponent.contains(":");
      normalised.add(tagged ? image : image + ":latest");
    }
    return new ArrayList<>(normalised);
  }
}
