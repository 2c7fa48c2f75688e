package dev.wharf.engine.prepare;

import dev.wharf.engine.MaskingListener;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.run.RunRequest;
import dev.wharf.task.Plan;
import dev.wharf.template.render.RunInfo;
import java.time.Duration;
import java.util.List;

/**
 * A run ready for the {@link dev.wharf.engine.run.Runner}: its plan, its workspace, the one masker
 * of its secrets and the {@code .Run} facts it was rendered with. Close it when the run is over.
 */
public final class PreparedRun implements AutoCloseable {
  private final Plan plan;
  private final RunInfo run;
  private final SecretMasker masker;
  private final WorkspaceArchive workspace;
  private final List<RegistryLogin> logins;
  private final Duration totalTimeout;
  private final RunOptions options;

  PreparedRun(
      Plan plan,
      RunInfo run,
      SecretMasker masker,
      WorkspaceArchive workspace,
      List<RegistryLogin> logins,
      Duration totalTimeout,
      RunOptions options) {
    this.plan = plan;
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
    return new RunRequest(
        run.id(),
        plan,
        workspace::stream,
        logins,
        new MaskingListener(masker, listener),
        options.parallelism(),
        totalTimeout,
        options.network(),
        options.engineAccess());
  }

  @Override
  public void close() {
    workspace.close();
  }
}
