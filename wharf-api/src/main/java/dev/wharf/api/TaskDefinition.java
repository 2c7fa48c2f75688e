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
 * @param gitAccessToken the token for a private git context ({@code --git-access-token}),
 *     write-only and sealed like the secret values; a token written into the context URL's
 *     user-info is moved here when the task is saved, so the stored and shown URL never holds it
 * @param build for a Dockerfile task, what it tags, its build arguments and whether it pushes
 *     ({@code -t}, {@code --arg}, {@code --secret-arg}, …); null for a task file's task, and may be
 *     null for a Dockerfile task saved without build flags (see {@link #buildsDockerfile})
 * @param agentLabels labels an agent must all have to take the task's runs ({@code wharf task
 *     create --agent-label k=v}; empty: any agent of the pool)
 * @param trusted whether an admin marked the task trusted ({@code wharf task update --trusted}):
 *     its runs of its own instructions get the whole engine on an agent (the server's own, or a
 *     {@code wharf agent}) started with {@code --allow-raw-engine-socket}; other runs are untrusted
 *     (docs/security.md)
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
    Map<String, String> agentLabels,
    TaskTriggers triggers,
    String valuesFile,
    String gitAccessToken,
    DockerBuildStep build,
    boolean trusted) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{5,50}");

  public TaskDefinition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a task name is 5 to 50 letters, digits, '-' or '_': " + name);
    }
    gitAccessToken = gitAccessToken == null ? "" : gitAccessToken;
    if (taskText == null && (context == null || context.isBlank())) {
      throw new IllegalArgumentException("a task needs a context or inline task text");
    }
    values = values == null ? Map.of() : Map.copyOf(values);
    secretValues = secretValues == null ? Map.of() : Map.copyOf(secretValues);
    agentLabels = agentLabels == null ? Map.of() : Map.copyOf(agentLabels);
    credentials = credentials == null ? List.of() : List.copyOf(credentials);
    status = status == null ? TaskStatus.Enabled : status;
    platform = platform == null || platform.isBlank() ? "linux/amd64" : platform;
    timeoutSeconds = timeoutSeconds <= 0 ? RunSpec.DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
    if (timeoutSeconds > 28_800) {
      throw new IllegalArgumentException("timeout is at most 28800 seconds: " + timeoutSeconds);
    }
    triggers = triggers == null ? TaskTriggers.none() : triggers;
    valuesFile = valuesFile == null || valuesFile.isBlank() ? null : valuesFile;
    if (build != null && (taskText != null || isTaskFile(file))) {
      throw new IllegalArgumentException(
          "-t, --arg, --secret-arg, --target, --no-push and --no-cache build a Dockerfile; "
              + (taskText != null ? "this task has inline task text" : file + " is a task file"));
    }
  }

  /** This task with other triggers. */
  public TaskDefinition withTriggers(TaskTriggers newTriggers) {
    return toBuilder().triggers(newTriggers).build();
  }

  /** This task at {@code newContext} with {@code newGitAccessToken} as its git credential. */
  public TaskDefinition withContext(String newContext, String newGitAccessToken) {
    return toBuilder().context(newContext).gitAccessToken(newGitAccessToken).build();
  }

  /** This task with other registry logins. */
  public TaskDefinition withCredentials(List<RegistryCredential> newCredentials) {
    return toBuilder().credentials(newCredentials).build();
  }

  /**
   * Whether the task builds a Dockerfile rather than running a task file, as {@code az acr task}
   * decides: build flags were given, or its file is not a task file (see {@link #isTaskFile}).
   */
  public boolean buildsDockerfile() {
    return build != null || (taskText == null && file != null && !isTaskFile(file));
  }

  /**
   * Whether {@code file} is a task file rather than a Dockerfile: by its extension, as {@code az
   * acr task create} tells a file task step from a Docker build step ({@code .yaml}, {@code .yml}
   * and the other task file types ACR knows).
   */
  public static boolean isTaskFile(String file) {
    return file != null
        && file.matches(
            "(?i).*\\.(yaml|yml|toml|json|sh|bash|zsh|ps1|ps|cmd|bat|ts|js|php|py|rb|lua)");
  }

  /** What a run of this Dockerfile task builds ({@link DockerBuildStep#untagged} without flags). */
  public DockerBuildStep buildStep() {
    return build != null ? build : DockerBuildStep.untagged();
  }

  /** The type of the task's runs: a build of a Dockerfile or a run of a task file. */
  public RunType runType() {
    return buildsDockerfile() ? RunType.AutoBuild : RunType.AutoRun;
  }

  /**
   * What one run of the task executes, with {@code overrides} applied. A run whose context, file or
   * values the overrides change runs the caller's instructions: it gets the task's secret values,
   * registry logins and git credential only when {@code byAdmin}; otherwise only the secret values
   * the overrides bring. The git credential goes only with the task's own repository. The run is
   * trusted on the same terms: a trusted task's own instructions, or an admin's overrides.
   */
  public RunSpec runSpec(TaskRunOverrides overrides, boolean byAdmin) {
    Map<String, String> runValues = new LinkedHashMap<>(values);
    if (overrides.values() != null) {
      runValues.putAll(overrides.values());
    }
    boolean newContext = overrides.context() != null || overrides.upload() != null;
    boolean changed =
        newContext
            || overrides.file() != null
            || (overrides.values() != null && !overrides.values().isEmpty());
    boolean withTaskSecrets = !changed || byAdmin;
    Map<String, String> runSecrets = new LinkedHashMap<>(withTaskSecrets ? secretValues : Map.of());
    if (overrides.secretValues() != null) {
      runSecrets.putAll(overrides.secretValues());
    }
    String runFile = overrides.file() != null ? overrides.file() : file;
    String runText = overrides.file() != null ? null : taskText;
    DockerBuildStep runBuild = null;
    if (runText == null && runFile != null && !isTaskFile(runFile)) {
      runBuild = withTaskSecrets ? buildStep() : buildStep().withoutSecrets();
    }
    return RunSpec.builder()
        .context(newContext ? overrides.context() : context)
        .upload(overrides.upload())
        .file(runFile)
        .taskText(runText)
        .values(runValues)
        .secretValues(runSecrets)
        .credentials(withTaskSecrets ? credentials : List.of())
        .platform(platform)
        .timeoutSeconds(timeoutSeconds)
        .valuesFile(overrides.valuesFile() != null ? overrides.valuesFile() : valuesFile)
        .gitAccessToken(
            withTaskSecrets && (!newContext || sameRepository(overrides.context()))
                ? gitAccessToken
                : "")
        .dockerBuild(runBuild)
        .trusted(trusted && withTaskSecrets)
        .build();
  }

  /**
   * Whether {@code other} names this task's repository (at another ref, as a commit trigger does).
   */
  private boolean sameRepository(String other) {
    return other != null && context != null && repository(other).equals(repository(context));
  }

  private static String repository(String location) {
    int hash = location.indexOf('#');
    return hash < 0 ? location : location.substring(0, hash);
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
        agentLabels,
        values.keySet().stream().sorted().toList(),
        secretValues.keySet().stream().sorted().toList(),
        credentials.stream().map(RegistryCredential::loginServer).sorted().toList(),
        createTime,
        updateTime,
        triggers.shown(),
        null,
        valuesFile,
        build == null ? null : build.shown(),
        trusted);
  }

  /** An empty task to fill in by name; what is not set takes the defaults above. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this task's components, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .name(name)
        .context(context)
        .file(file)
        .taskText(taskText)
        .values(values)
        .secretValues(secretValues)
        .credentials(credentials)
        .status(status)
        .platform(platform)
        .timeoutSeconds(timeoutSeconds)
        .agentPool(agentPool)
        .agentLabels(agentLabels)
        .triggers(triggers)
        .valuesFile(valuesFile)
        .gitAccessToken(gitAccessToken)
        .dockerBuild(build)
        .trusted(trusted);
  }

  /** Builds a {@link TaskDefinition} by component name; each setter names the component it sets. */
  public static final class Builder {
    private String name;
    private String context;
    private String file;
    private String taskText;
    private Map<String, String> values;
    private Map<String, String> secretValues;
    private List<RegistryCredential> credentials;
    private TaskStatus status;
    private String platform;
    private int timeoutSeconds;
    private String agentPool;
    private Map<String, String> agentLabels;
    private TaskTriggers triggers;
    private String valuesFile;
    private String gitAccessToken;
    private DockerBuildStep build;
    private boolean trusted;

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder context(String context) {
      this.context = context;
      return this;
    }

    public Builder file(String file) {
      this.file = file;
      return this;
    }

    public Builder taskText(String taskText) {
      this.taskText = taskText;
      return this;
    }

    public Builder values(Map<String, String> values) {
      this.values = values;
      return this;
    }

    public Builder secretValues(Map<String, String> secretValues) {
      this.secretValues = secretValues;
      return this;
    }

    public Builder credentials(List<RegistryCredential> credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder status(TaskStatus status) {
      this.status = status;
      return this;
    }

    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    public Builder timeoutSeconds(int timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
      return this;
    }

    public Builder agentPool(String agentPool) {
      this.agentPool = agentPool;
      return this;
    }

    public Builder agentLabels(Map<String, String> agentLabels) {
      this.agentLabels = agentLabels;
      return this;
    }

    public Builder triggers(TaskTriggers triggers) {
      this.triggers = triggers;
      return this;
    }

    public Builder valuesFile(String valuesFile) {
      this.valuesFile = valuesFile;
      return this;
    }

    public Builder gitAccessToken(String gitAccessToken) {
      this.gitAccessToken = gitAccessToken;
      return this;
    }

    /** Sets the {@code build} component (named apart from {@link #build()}). */
    public Builder dockerBuild(DockerBuildStep build) {
      this.build = build;
      return this;
    }

    public Builder trusted(boolean trusted) {
      this.trusted = trusted;
      return this;
    }

    public TaskDefinition build() {
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
          agentLabels,
          triggers,
          valuesFile,
          gitAccessToken,
          build,
          trusted);
    }
  }
}
