package dev.wharf.engine.step;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.Mount;
import dev.wharf.engine.container.RegistryLogin;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * What a run set up for its steps: its engine (labelling with the run id), its volumes and networks
 * under their engine names, the registry logins, and the digests pushed so far.
 */
public final class RunEnvironment {
  /** Where the workspace volume is mounted in every step container. */
  public static final String WORKSPACE = "/workspace";

  /** Where the home volume is mounted; also the steps' {@code HOME}. */
  public static final String HOME = "/acb/home";

  /** An image with no files that the engine builds itself (see the engine's volume upload). */
  static final String EMPTY_IMAGE = "wharf-empty:1";

  private static final Pattern NOT_IN_NAME = Pattern.compile("[^a-zA-Z0-9_.-]");

  private final String runId;
  private final ContainerEngine engine;
  private final String workspaceVolume;
  private final String homeVolume;
  private final Map<String, String> networks;
  private final Map<String, String> volumes;
  private final List<RegistryLogin> logins;
  private final String engineSocket;
  private final Executor background;
  private final Map<String, String> pushed = new ConcurrentHashMap<>();
  private String contextReader;

  /**
   * @param networks task network names to the engine's names
   * @param volumes task volume names to the engine's names
   * @param engineSocket the engine's socket path to mount at {@code /var/run/docker.sock}, or ""
   * @param background runs removals off the critical path
   */
  public RunEnvironment(
      String runId,
      ContainerEngine engine,
      String workspaceVolume,
      String homeVolume,
      Map<String, String> networks,
      Map<String, String> volumes,
      List<RegistryLogin> logins,
      String engineSocket,
      Executor background) {
    this.runId = Objects.requireNonNull(runId, "runId cannot be null");
    this.engine = Objects.requireNonNull(engine, "engine cannot be null");
    this.workspaceVolume = Objects.requireNonNull(workspaceVolume, "workspaceVolume");
    this.homeVolume = Objects.requireNonNull(homeVolume, "homeVolume");
    this.networks = Map.copyOf(networks);
    this.volumes = Map.copyOf(volumes);
    this.logins = List.copyOf(logins);
    this.engineSocket = Objects.requireNonNull(engineSocket, "engineSocket");
    this.background = Objects.requireNonNull(background, "background");
  }

  String runId() {
    return runId;
  }

  ContainerEngine engine() {
    return engine;
  }

  List<RegistryLogin> logins() {
    return logins;
  }

  Executor background() {
    return background;
  }

  /** The image digests pushed in this run, by image reference as written in the push step. */
  public Map<String, String> pushed() {
    return pushed;
  }

  /** The engine name of a task network (a name the task does not declare is used as is). */
  String network(String taskName) {
    return networks.getOrDefault(taskName, taskName);
  }

  /** The engine name of a task volume, or null when the task declares none by that name. */
  String volume(String taskName) {
    return volumes.get(taskName);
  }

  /**
   * The container name of a step: {@code <run id>-<step id>} with characters Docker refuses
   * replaced (decision E13).
   */
  String containerName(String stepId) {
    return NOT_IN_NAME.matcher(runId + "-" + stepId).replaceAll("_");
  }

  /** The mounts every step container gets, in acb's order. */
  List<Mount> standardMounts() {
    Mount workspace = Mount.volume(workspaceVolume, WORKSPACE);
    Mount home = Mount.volume(homeVolume, HOME);
    return engineSocket.isEmpty()
        ? List.of(workspace, home)
        : List.of(workspace, Mount.engineSocket(engineSocket), home);
  }

  /**
   * A container that is never started and mounts the workspace, from which build contexts are
   * downloaded; created once per run.
   */
  synchronized String contextReader() throws EngineException {
    if (contextReader == null) {
      contextReader =
          engine.createContainer(
              ContainerSpec.builder(EMPTY_IMAGE)
                  .name(containerName("wharf-context"))
                  .cmd("none")
                  .mount(Mount.volume(workspaceVolume, WORKSPACE))
                  .build());
    }
    return contextReader;
  }
}
