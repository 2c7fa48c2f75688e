package dev.wharf.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A saved task as written by its owner, secrets included; only the server sees it whole.
 *
 * @param context git URL, tarball URL or {@code /dev/null}
 * @param file task file in the context, when {@code taskText} is null
 * @param taskText inline task YAML
 * @param triggers what starts the task besides a person (commit, timers, base image)
 * @param valuesFile a values file in the context ({@code --values}), or null
 */
public record TaskDefinition(
    String name,
    String context,
    String file,
    String taskText,
    Map<String, String> values,
    Map<String, String> secretValues,
    List<RegistryCredential> credentials,
    TaskStatus status,
    String platform,
    int timeoutSeconds,
    String agentPool,
    TaskTriggers triggers,
    String valuesFile) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{5,50}");

  public TaskDefinition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a task name is 5 to 50 letters, digits, '-' or '_': " + name);
    }
    if (taskText == null && (context == null || context.isBlank())) {
      throw new IllegalArgumentException("a task needs a context or inline task text");
    }
    values = values == null ? Map.of() : Map.copyOf(values);
    secretValues = secretValues == null ? Map.of() : Map.copyOf(secretValues);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    status = status == null ? TaskStatus.Enabled : status;
    platform = platform == null || platform.isBlank() ? "linux/amd64" : platform;
    timeoutSeconds = timeoutSeconds <= 0 ? RunSpec.DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    if (timeoutSeconds > 28_800) {
      throw new IllegalArgumentException("timeout is at most 28800 seconds: " + timeoutSeconds);
    }
    triggers = triggers == null ? TaskTriggers.none() : triggers;
    valuesFile = valuesFile == null || valuesFile.isBlank() ? null : valuesFile;
  }

  /** A task with no triggers but the default base-image trigger, and no values file. */
  public TaskDefinition(
      String name,
      String context,
      String file,
      String taskText,
      Map<String, String> values,
      Map<String, String> secretValues,
      List<RegistryCredential> credentials,
      TaskStatus status,
      String platform,
      int timeoutSeconds,
      String agentPool) {
    this(
        name,
        context,
        file,
        taskText,
        values,
        secretValues,
        credentials,
        status,
        platform,
        timeoutSeconds,
        agentPool,
        null,
        null);
  }

  /** This task with other triggers. */
  public TaskDefinition withTriggers(TaskTriggers newTriggers) {
    return new TaskDefinition(
        name,
        context,
        file,
        taskText,
        values,
        secretValues,
        credentials,
        status,
        platform,
        timeoutSeconds,
        agentPool,
        newTriggers,
        valuesFile);
  }

  /** Whether the task builds a Dockerfile rather than running a task file (as ACR decides). */
  public boolean isBuild() {
    return taskText == null
        && file != null
        && !file.matches(
            "(?i).*\\.(yaml|yml|toml|json|sh|bash|zsh|ps1|ps|cmd|bat|ts|js|php|py|rb|lua)");
  }

  /** The type of the task's runs: a build of a Dockerfile or a run of a task file. */
  public RunType runType() {
    return isBuild() ? RunType.AutoBuild : RunType.AutoRun;
  }

  /** What one run of the task executes, with {@code overrides} applied. */
  public RunSpec runSpec(TaskRunOverrides overrides) {
    Map<String, String> runValues = new LinkedHashMap<>(values);
    if (overrides.values() != null) {
      runValues.putAll(overrides.values());
    }
    Map<String, String> runSecrets = new LinkedHashMap<>(secretValues);
    if (overrides.secretValues() != null) {
      runSecrets.putAll(overrides.secretValues());
    }
    boolean newContext = overrides.context() != null || overrides.upload() != null;
    return new RunSpec(
        newContext ? overrides.context() : context,
        overrides.upload(),
        overrides.file() != null ? overrides.file() : file,
        overrides.file() != null ? null : taskText,
        runValues,
        runSecrets,
        credentials,
        platform,
        timeoutSeconds,
        null,
        overrides.valuesFile() != null ? overrides.valuesFile() : valuesFile);
  }

  /** What the task shows to API callers: names only for values, servers only for logins. */
  public Task shown(java.time.Instant createTime, java.time.Instant updateTime) {
    return new Task(
        name,
        status,
        context,
        file,
        taskText,
        platform,
        timeoutSeconds,
        agentPool,
        values.keySet().stream().sorted().toList(),
        secretValues.keySet().stream().sorted().toList(),
        credentials.stream().map(RegistryCredential::loginServer).sorted().toList(),
        createTime,
        updateTime,
        triggers.shown(),
        null,
        valuesFile);
  }
}
