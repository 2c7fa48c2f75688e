package dev.wharf.engine.run;

import dev.wharf.engine.container.Archive;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.container.VolumeSpec;
import dev.wharf.engine.step.RunNames;
import dev.wharf.engine.step.StepNeeds;
import dev.wharf.task.Network;
import dev.wharf.task.Task;
import dev.wharf.task.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The networks and volumes of one run (docs/behaviour.md#run-resources, #secret-volumes, #cleanup):
 * those its steps use, created before the first step, each remembered as soon as it exists so that
 * cleanup removes exactly what the run made, on every exit path.
 */
final class RunResources {

  private final ContainerEngine engine;
  private final RunNames names;
  private final Consumer<String> log;
  private final List<String> networks = new CopyOnWriteArrayList<>();
  private final List<String> volumes = new CopyOnWriteArrayList<>();

  RunResources(ContainerEngine engine, RunNames names, Consumer<String> log) {
    this.engine = engine;
    this.names = names;
    this.log = log;
  }

  /**
   * Creates what the steps use: the networks when a step joins one, the workspace, home and secret
   * volumes when a step runs a container. A run of builds and pushes alone creates nothing: its
   * builds read the packed context itself.
   */
  void create(
      Task task, RunRequest.Workspace workspace, List<RegistryLogin> logins, StepNeeds needs)
      throws EngineException, IOException {
    // The volumes and their contents do not depend on the networks: set both up at once.
    CompletableFuture<Void> volumesReady =
        needs.containers()
            ? CompletableFuture.runAsync(
                () -> {
                  try {
                    volume(names.workspaceVolume());
                    volume(names.homeVolume());
                    // Without logins the Docker config would hold only acb's cosmetic settings:
                    // skipping it saves a helper container on the critical path.
                    CompletableFuture<Void> home =
                        logins.isEmpty()
                            ? CompletableFuture.completedFuture(null)
                            : upload(names.homeVolume(), homeArchive(logins));
                    uploadWorkspace(workspace);
                    home.join();
                  } catch (EngineException | IOException e) {
                    throw new CompletionException(e);
                  }
                })
            : CompletableFuture.completedFuture(null);
    try {
      if (needs.networks()) {
        for (Network network : task.networks()) {
          createNetwork(network);
        }
      }
    } finally {
      await(volumesReady);
    }
    log.accept("Setting up Docker configuration...");
    log.accept("Successfully set up Docker configuration");
    if (needs.containers()) {
      for (Volume volume : task.volumes()) {
        String name = names.volume(volume.name());
        volume(name);
        engine.uploadToVolume(name, "", secretArchive(volume).stream());
        log.accept("Volume source " + volume.name() + " successfully created");
      }
    }
  }

  private void createNetwork(Network network) throws EngineException {
    boolean external =
        network.name().equals(RunNames.ACB_DEFAULT_NETWORK) && names.externalNetwork();
    if (network.skipCreation() || external) {
      log.accept("Skip creating network: " + network.name());
      return;
    }
    log.accept(
        "Creating Docker network: " + network.name() + ", driver: '" + network.driver() + "'");
    String name = names.network(network.name());
    networks.add(name); // first: a create cut short by a cancel may still have made it
    engine.createNetwork(new NetworkSpec(name, network.driver(), network.ipv6(), false, Map.of()));
    log.accept("Successfully set up Docker network: " + network.name());
  }

  /** Uploads the context, unless it is empty (a tar of zero blocks: nothing to copy). */
  private void uploadWorkspace(RunRequest.Workspace workspace) throws IOException, EngineException {
    try (InputStream tar = new java.io.BufferedInputStream(workspace.open())) {
      tar.mark(512);
      byte[] first = tar.readNBytes(512);
      tar.reset();
      boolean empty = true;
      for (byte b : first) {
        empty &= b == 0;
      }
      if (!empty) {
        engine.uploadToVolume(names.workspaceVolume(), "", tar);
      }
    }
  }

  private static void await(CompletableFuture<Void> future) throws EngineException, IOException {
    try {
      future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof EngineException engineError) {
        throw engineError;
      }
      if (e.getCause() instanceof IOException ioError) {
        throw ioError;
      }
      throw e;
    }
  }

  private CompletableFuture<Void> upload(String volume, Archive archive) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            engine.uploadToVolume(volume, "", archive.stream());
          } catch (EngineException e) {
            throw new CompletionException(e);
          }
        });
  }

  private void volume(String name) throws EngineException {
    volumes.add(name); // first: a create cut short by a cancel may still have made it
    engine.createVolume(VolumeSpec.named(name));
  }

  private static Archive homeArchive(List<RegistryLogin> logins) {
    return new Archive().file(".docker/config.json", DockerConfig.json(logins), 0600);
  }

  /**
   * A secret volume's files, decoded from base64 and written byte for byte
   * (docs/behaviour.md#secret-volumes).
   */
  static Archive secretArchive(Volume volume) {
    Archive archive = new Archive();
    for (Map.Entry<String, String> file : volume.secret().entrySet()) {
      byte[] content;
      try {
        content = Base64.getDecoder().decode(file.getValue());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "volume "
                + volume.name()
                + ", file "
                + file.getKey()
                + ": failed to decode Base64 value. please make sure value provided is Base64"
                + " encoded");
      }
      archive.file(file.getKey(), content, 0644);
    }
    return archive;
  }

  /** Removes what was created, all at once; returns what could not be removed. */
  List<String> remove() {
    List<CompletableFuture<String>> removals = new ArrayList<>();
    for (String network : networks) {
      removals.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  engine.removeNetwork(network);
                  return null;
                } catch (EngineException e) {
                  return "network " + network + ": " + e.getMessage();
                }
              }));
    }
    for (String volume : volumes) {
      removals.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  engine.removeVolume(volume);
                  return null;
                } catch (EngineException e) {
                  return "volume " + volume + ": " + e.getMessage();
                }
              }));
    }
    return removals.stream().map(CompletableFuture::join).filter(m -> m != null).toList();
  }
}
