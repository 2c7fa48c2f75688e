package dev.wharf.engine.step;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.Mount;
import dev.wharf.engine.container.RegistryLogin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What every step of one run shares: the engine (labelling what it creates with the run id), the
 * run's names, registry logins, the engine socket steps get (the run's own, see docs/security.md),
 * the workspace's files, and the containers created so far, which are removed off the critical path
 * and at cleanup.
 */
public final class StepEnvironment implements AutoCloseable {

  private final ContainerEngine engine;
  private final RunNames names;
  private final List<RegistryLogin> logins;
  private final String engineSocket;
  private final WorkspaceFiles workspace;
  private final BuildCacheScope buildCache;
  private final Set<String> builtImages = ConcurrentHashMap.newKeySet();
  private final Set<String> containers = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger creates =
      new java.util.concurrent.atomic.AtomicInteger();
  private boolean closing;
  private final List<CompletableFuture<Void>> removals = new ArrayList<>();
  private final ExecutorService remover =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "wharf-remove");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param engineSocket the socket file mounted at {@code /var/run/docker.sock} in step containers,
   *     or "" for none
   * @param workspace where build steps read files of {@code /workspace}
   * @param buildCache what names the registry cache of {@code cache: enabled} build steps
   */
  public StepEnvironment(
      ContainerEngine engine,
      RunNames names,
      List<RegistryLogin> logins,
      String engineSocket,
      WorkspaceFiles workspace,
      BuildCacheScope buildCache) {
    this.engine = engine;
    this.names = names;
    this.logins = List.copyOf(logins);
    this.engineSocket = engineSocket;
    this.workspace = workspace;
    this.buildCache = buildCache;
  }

  public ContainerEngine engine() {
    return engine;
  }

  public RunNames names() {
    return names;
  }

  public List<RegistryLogin> logins() {
    return logins;
  }

  /** Where build steps read files of {@code /workspace}. */
  WorkspaceFiles workspace() {
    return workspace;
  }

  BuildCacheScope buildCache() {
    return buildCache;
  }

  /** Notes an image that a build step of this run tags. */
  void willBuild(String image) {
    builtImages.add(image);
    builtImages.add(withTag(image));
  }

  /** Whether a build step of this run tags {@code image}. */
  boolean buildsImage(String image) {
    return builtImages.contains(image) || builtImages.contains(withTag(image));
  }

  private static String withTag(String image) {
    int slash = image.lastIndexOf('/');
    return image.indexOf(':', slash + 1) < 0 && !image.contains("@") ? image + ":latest" : image;
  }

  /** The mounts every step container gets: workspace, home and the run's engine socket. */
  List<Mount> standardMounts() {
    List<Mount> mounts = new ArrayList<>();
    mounts.add(Mount.volume(names.workspaceVolume(), "/workspace"));
    mounts.add(Mount.volume(names.homeVolume(), "/acb/home"));
    if (!engineSocket.isEmpty()) {
      mounts.add(Mount.engineSocket(engineSocket));
    }
    return mounts;
  }

  /**
   * Creates a step container. Once cleanup has begun no container is created any more, and cleanup
   * waits for creates under way (one started ahead of a step may finish after the run).
   */
  String createContainer(ContainerSpec spec) throws EngineException {
    synchronized (creates) {
      if (closing) {
        throw new EngineException("create container " + spec.name(), "the run is ending");
      }
      creates.incrementAndGet();
    }
    try {
      String id = engine.createContainer(spec);
      containers.add(id);
      return id;
    } finally {
      synchronized (creates) {
        creates.decrementAndGet();
        creates.notifyAll();
      }
    }
  }

  /** Removes a finished container in the background. */
  void removeLater(String containerId) {
    synchronized (removals) {
      removals.add(CompletableFuture.runAsync(() -> remove(containerId), remover));
    }
  }

  /** Removes a container now (before a retry reuses its name). */
  void removeNow(String containerId) throws EngineException {
    engine.removeContainer(containerId);
    containers.remove(containerId);
  }

  private void remove(String containerId) {
    try {
      removeNow(containerId);
    } catch (EngineException e) {
      // Cleanup removes it again (by its label) and reports what it could not remove.
    }
  }

  /** Removes every container still there (kept and detached ones too) and waits for removals. */
  public List<String> removeAll() {
    synchronized (creates) {
      closing = true;
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
      while (creates.get() > 0 && System.nanoTime() < deadline) {
        try {
          creates.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    List<CompletableFuture<Void>> pending;
    synchronized (removals) {
      for (String id : List.copyOf(containers)) {
        removals.add(CompletableFuture.runAsync(() -> remove(id), remover));
      }
      pending = List.copyOf(removals);
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    return List.copyOf(containers);
  }

  @Override
  public void close() {
    remover.shutdown();
  }
}
