package dev.wharf.engine.run;

import dev.wharf.engine.RunListener;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.task.Plan;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What to run: the planned task with its run id, the workspace contents, the registry logins, the
 * secret values to mask, who listens, and the run's options.
 *
 * @param workspace a tar stream of the context, copied into {@code /workspace}; null for an empty
 *     workspace
 * @param secrets values masked in everything the run reports (registry passwords and secret
 *     volumes' contents are added by the runner)
 * @param parallelism at most this many steps at once; 0 for no limit
 * @param totalTimeout deadline of the whole run ({@code --timeout}); null for the task's own
 * @param engineSocket the engine's socket path mounted into steps (E14); "" for none
 */
public record TaskRun(
    Plan plan,
    String runId,
    Supplier<InputStream> workspace,
    List<RegistryLogin> logins,
    List<String> secrets,
    RunListener listener,
    int parallelism,
    Duration totalTimeout,
    String engineSocket) {

  public TaskRun {
    Objects.requireNonNull(plan, "plan cannot be null");
    Objects.requireNonNull(runId, "runId cannot be null");
    logins = List.copyOf(logins);
    secrets = List.copyOf(secrets);
    Objects.requireNonNull(listener, "listener cannot be null");
    Objects.requireNonNull(engineSocket, "engineSocket cannot be null");
  }
}
