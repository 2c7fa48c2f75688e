package dev.wharf.engine.run;

import dev.wharf.engine.RunListener;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.step.BuildCacheScope;
import dev.wharf.task.Plan;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run of a planned task.
 *
 * @param workspace opens the tar stream that becomes {@code /workspace} (empty for {@code
 *     /dev/null})
 * @param listener receives the run's events (put the secret masker in front of it)
 * @param parallelism how many steps may run at once; 0 for no limit
 * @param totalTimeout the whole run's deadline ({@code --timeout}, else the task's {@code
 *     totalTimeout}); zero for none
 * @param externalNetwork the user's network that {@code acb_default_network} means, or ""
 * @param engineAccess what steps may ask of the engine through {@code /var/run/docker.sock}
 *     (docs/security.md)
 * @param startedAt when the run began for its user (a server run's start in its record), which its
 *     duration counts from; null for the runner's own start
 * @param buildCache what names the registry cache of {@code cache: enabled} build steps
 */
public record RunRequest(
    String runId,
    Plan plan,
    Workspace workspace,
    List<RegistryLogin> logins,
    RunListener listener,
    int parallelism,
    Duration totalTimeout,
    String externalNetwork,
    EngineAccess engineAccess,
    Instant startedAt,
    BuildCacheScope buildCache) {

  /** Opens the workspace content as a tar stream. */
  @FunctionalInterface
  public interface Workspace {
    InputStream open() throws IOException;
  }

  public RunRequest {
    Objects.requireNonNull(runId, "runId cannot be null");
    Objects.requireNonNull(plan, "plan cannot be null");
    Objects.requireNonNull(workspace, "workspace cannot be null");
    logins = List.copyOf(logins);
    Objects.requireNonNull(listener, "listener cannot be null");
    Objects.requireNonNull(totalTimeout, "totalTimeout cannot be null");
    externalNetwork = Objects.requireNonNullElse(externalNetwork, "");
    Objects.requireNonNull(engineAccess, "engineAccess cannot be null");
    Objects.requireNonNull(buildCache, "buildCache cannot be null");
  }
}
