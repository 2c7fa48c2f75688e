package dev.wharf.engine.prepare;

import dev.wharf.engine.MaskingListener;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.run.RunRequest;
import dev.wharf.engine.step.BuildCacheScope;
import dev.wharf.task.Plan;
import dev.wharf.template.render.RunInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run ready for the {@link dev.wharf.engine.run.Runner}: its plan, its workspace, the one masker
 * of its secrets and the {@code .Run} facts it was rendered with. Close it when the run is over.
 */
public final class PreparedRun implements AutoCloseable {
  /** What acb prints when a task file's {@code version} turns its aliases on. */
  public static final String ALIAS_NOTICE =
      "Alias support enabled for version >= 1.1.0, please see"
          + " https://aka.ms/acr/tasks/task-aliases for more information.";

  private final Plan plan;
  private final boolean aliases;
  private final RunInfo run;
  private final SecretMasker masker;
  private final WorkspaceArchive workspace;
  private final List<RegistryLogin> logins;
  private final Duration totalTimeout;
  private final RunOptions options;

  PreparedRun(
      Plan plan,
      boolean aliases,
      RunInfo run,
      SecretMasker masker,
      WorkspaceArchive workspace,
      List<RegistryLogin> logins,
      Duration totalTimeout,
      RunOptions options) {
    this.plan = plan;
    this.aliases = aliases;
    this.run = run;
    this.masker = masker;
    this.workspace = workspace;
    this.logins = List.copyOf(logins);
    this.totalTimeout = totalTimeout;
    this.options = options;
  }

  /** The planned task (its warnings included). */
  public Plan plan() {
    return plan;
  }

  /**
   * The lines printed before the run starts, as acb prints them: the alias notice when the task
   * file's {@code version} enables aliases (docs/task-language.md), then the plan's warnings.
   */
  public List<String> notices() {
    List<String> lines = new ArrayList<>();
    if (aliases) {
      lines.add(ALIAS_NOTICE);
    }
    plan.warnings().forEach(w -> lines.add(w.toString()));
    return lines;
  }

  /** The {@code .Run} facts the task was rendered with. */
  public RunInfo run() {
    return run;
  }

  /** Masks every secret of the run: values, task secrets, logins, secret volumes. */
  public SecretMasker masker() {
    return masker;
  }

  /**
   * The whole run's deadline: the earlier of the task's {@code totalTimeout} and the run's own
   * timeout; zero for none.
   */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /** What the runner executes, its events masked before they reach {@code listener}. */
  public RunRequest request(RunListener listener) {
    return request(listener, null);
  }

  /**
   * What the runner executes, its duration counted from {@code startedAt}: a server run's start as
   * its record has it, so that the log's "after Ns" and the listed duration agree.
   */
  public RunRequest request(RunListener listener, Instant startedAt) {
    return new RunRequest(
        run.id(),
        plan,
        workspace::stream,
        logins,
        new MaskingListener(masker, listener),
        options.parallelism(),
        totalTimeout,
        options.network(),
        options.engineAccess(),
        startedAt,
        new BuildCacheScope(run.taskName(), run.registry()));
  }

  @Override
  public void close() {
    workspace.close();
  }
}
