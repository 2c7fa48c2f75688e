package dev.wharf.engine.prepare;

import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.template.render.RunInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one run is prepared from, typed, whoever asks for the run: {@code wharf run}, {@code
 * wharf build}, a server's agent.
 *
 * @param run the {@code .Run} facts as given: the ID is required; an empty commit or branch is
 *     taken from a git checkout, an empty date is now, and the shared volume, OS and architecture
 *     are the preparation's
 * @param gitToken the token a git context is fetched with, or null
 * @param keepFile a file of a local context sent even when {@code .dockerignore} drops it (the
 *     Dockerfile of a build), or null
 * @param extraFiles files added to the workspace, by path (a Dockerfile from outside the context)
 * @param extraMasked values masked besides the task's secrets ({@code --secret-build-arg})
 */
public record RunInputs(
    TaskSource task,
    RunContext context,
    RunValues values,
    List<RegistryLogin> logins,
    RunInfo run,
    TaskSecrets secrets,
    String gitToken,
    String keepFile,
    Map<String, byte[]> extraFiles,
    List<String> extraMasked,
    RunOptions options) {

  public RunInputs {
    Objects.requireNonNull(task, "task cannot be null");
    Objects.requireNonNull(context, "context cannot be null");
    values = values == null ? RunValues.none() : values;
    logins = logins == null ? List.of() : List.copyOf(logins);
    Objects.requireNonNull(run, "run cannot be null");
    if (run.id().isEmpty()) {
      throw new IllegalArgumentException("a run needs an ID");
    }
    Objects.requireNonNull(secrets, "secrets cannot be null");
    extraFiles = extraFiles == null ? Map.of() : Map.copyOf(extraFiles);
    extraMasked = extraMasked == null ? List.of() : List.copyOf(extraMasked);
    options = options == null ? RunOptions.defaults() : options;
  }

  /** A builder starting from the task, its context, the run's facts and its secrets' source. */
  public static Builder builder(
      TaskSource task, RunContext context, RunInfo run, TaskSecrets secrets) {
    return new Builder(task, context, run, secrets);
  }

  /** Builds {@link RunInputs}; everything not set is empty or the default. */
  public static final class Builder {
    private final TaskSource task;
    private final RunContext context;
    private final RunInfo run;
    private final TaskSecrets secrets;
    private RunValues values = RunValues.none();
    private List<RegistryLogin> logins = List.of();
    private String gitToken;
    private String keepFile;
    private Map<String, byte[]> extraFiles = Map.of();
    private List<String> extraMasked = List.of();
    private RunOptions options = RunOptions.defaults();

    private Builder(TaskSource task, RunContext context, RunInfo run, TaskSecrets secrets) {
      this.task = task;
      this.context = context;
      this.run = run;
      this.secrets = secrets;
    }

    public Builder values(RunValues values) {
      this.values = values;
      return this;
    }

    public Builder logins(List<RegistryLogin> logins) {
      this.logins = logins;
      return this;
    }

    public Builder gitToken(String gitToken) {
      this.gitToken = gitToken;
      return this;
    }

    public Builder keepFile(String keepFile) {
      this.keepFile = keepFile;
      return this;
    }

    public Builder extraFiles(Map<String, byte[]> extraFiles) {
      this.extraFiles = extraFiles;
      return this;
    }

    public Builder extraMasked(List<String> extraMasked) {
      this.extraMasked = extraMasked;
      return this;
    }

    public Builder options(RunOptions options) {
      this.options = options;
      return this;
    }

    public RunInputs build() {
      return new RunInputs(
          task,
          context,
          values,
          logins,
          run,
          secrets,
          gitToken,
          keepFile,
          extraFiles,
          extraMasked,
          options);
    }
  }
}
