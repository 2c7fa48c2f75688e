package dev.wharf.engine.prepare;

import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.template.alias.RemoteAliases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a run executes, besides what it runs.
 *
 * @param parallelism most steps at once, 0 for no limit
 * @param timeout the run's own deadline ({@code --timeout}, a server run's timeout), or null; the
 *     task's {@code totalTimeout} applies as well, and the earlier of the two ends the run
 * @param network an existing network the task's default network becomes, or ""
 * @param engineAccess what steps may ask of the engine through the run's own socket (none, the
 *     run's scope, or the allow-list of untrusted runs)
 * @param allowEnv whether the template functions {@code env}/{@code expandenv} may read this
 *     process's environment (never on a server)
 * @param env {@code KEY=VALUE} entries added to every step's environment ({@code --env})
 * @param imageAliases image aliases replacing acb's predefined ones, or null for acb's
 * @param remoteAliases fetches {@code http(s)} alias files, or null to refuse them
 * @param localContexts whether local folders, {@code file://} URLs and hosts on this machine or its
 *     private network may be contexts (a server allows them only with {@code
 *     --allow-local-contexts})
 */
public record RunOptions(
    int parallelism,
    Duration timeout,
    String network,
    EngineAccess engineAccess,
    boolean allowEnv,
    List<String> env,
    Map<String, String> imageAliases,
    RemoteAliases remoteAliases,
    boolean localContexts) {

  public RunOptions {
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism is 0 (no limit) or more: " + parallelism);
    }
    network = Objects.requireNonNullElse(network, "");
    env = env == null ? List.of() : List.copyOf(env);
    engineAccess = Objects.requireNonNullElse(engineAccess, EngineAccess.SCOPED);
  }

  /** All steps at once as their order allows, the run's scoped engine socket, nothing else. */
  public static RunOptions defaults() {
    return new RunOptions(0, null, "", EngineAccess.SCOPED, false, List.of(), null, null, true);
  }

  /** These options with steps' engine access {@code access}. */
  public RunOptions withEngineAccess(EngineAccess access) {
    return new RunOptions(
        parallelism,
        timeout,
        network,
        access,
        allowEnv,
        env,
        imageAliases,
        remoteAliases,
        localContexts);
  }

  /** These options with the run's own deadline (null: only the task's). */
  public RunOptions withTimeout(Duration timeout) {
    return new RunOptions(
        parallelism,
        timeout,
        network,
        engineAccess,
        allowEnv,
        env,
        imageAliases,
        remoteAliases,
        localContexts);
  }

  /** These options with local contexts allowed or refused. */
  public RunOptions withLocalContexts(boolean allowed) {
    return new RunOptions(
        parallelism,
        timeout,
        network,
        engineAccess,
        allowEnv,
        env,
        imageAliases,
        remoteAliases,
        allowed);
  }
}
