package dev.wharf.engine.docker;

import static dev.wharf.engine.docker.DockerErrors.call;
import static dev.wharf.engine.docker.DockerErrors.run;
import static java.util.Objects.requireNonNull;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Version;
import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerOutput;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineInfo;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.engine.container.LabelledResources;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.container.OutputFollow;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.container.VolumeSpec;
import java.io.InputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The {@link ContainerEngine} on a Docker Engine API (Docker 20.10 or newer, or Podman's
 * Docker-compatible socket), through docker-java.
 */
public final class DockerEngine implements ContainerEngine, AutoCloseable {

  /** How long the engine may take to answer an attach before the step fails. */
  private static final Duration ATTACH_TIMEOUT = Duration.ofSeconds(60);

  private final DockerConnection connection;
  private final Map<String, String> labels;

  /** An engine on {@code connection}, which it closes when closed itself. */
  public DockerEngine(DockerConnection connection) {
    this(connection, Map.of());
  }

  private DockerEngine(DockerConnection connection, Map<String, String> labels) {
    this.connection = requireNonNull(connection, "connection cannot be null");
    this.labels = labels;
  }

  /** An engine on the address {@code DOCKER_HOST} names; nothing is dialled until first use. */
  public static DockerEngine fromEnvironment() {
    return new DockerEngine(DockerConnection.fromEnvironment());
  }

  @Override
  public ContainerEngine withLabels(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(labels);
    merged.putAll(extra);
    return new DockerEngine(connection, Collections.unmodifiableMap(merged));
  }

  @Override
  public String address() {
    return connection.address();
  }

  @Override
  public EngineInfo info() throws EngineException {
    Version v = connection.version();
    return new EngineInfo(
        v.getOperatingSystem(), v.getArch(), connection.apiVersion(), v.getVersion());
  }

  @Override
  public void createNetwork(NetworkSpec network) throws EngineException {
    DockerClient c = client();
    run(
        "create network " + network.name(),
        () -> {
          CreateNetworkCmd cmd =
              c.createNetworkCmd()
                  .withName(network.name())
                  .withCheckDuplicate(true)
                  .withEnableIpv6(network.ipv6())
                  .withInternal(network.internal())
                  .withLabels(labelled(network.labels()));
          if (!network.driver().isEmpty()) {
            cmd.withDriver(network.driver());
          }
          cmd.exec();
        });
  }

  @Override
  public void removeNetwork(String name) throws EngineException {
    DockerClient c = client();
    run(
        "remove network " + name,
        () -> DockerErrors.ignoreMissing(() -> c.removeNetworkCmd(name).exec()));
  }

  @Override
  public void createVolume(VolumeSpec volume) throws EngineException {
    DockerClient c = client();
    run(
        "create volume " + volume.name(),
        () ->
            c.createVolumeCmd()
                .withName(volume.name())
                .withLabels(labelled(volume.labels()))
                .exec());
  }

  @Override
  public void removeVolume(String name) throws EngineException {
    DockerClient c = client();
    run(
        "remove volume " + name,
        () -> DockerErrors.ignoreMissing(() -> c.removeVolumeCmd(name).exec()));
  }

  @Override
  public String build(BuildRequest request, InputStream context, Consumer<String> progress)
      throws EngineException, InterruptedException {
    if (request.buildKit()) {
      return BuildKitBuild.run(connection, request, context, progress);
    }
    return DockerImages.build(client(), request, context, progress);
  }

  @Override
  public String push(String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException {
    return DockerImages.push(client(), image, logins, progress);
  }

  @Override
  public void pull(String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException {
    DockerImages.pull(client(), image, logins, progress);
  }

  @Override
  public boolean pullIfMissing(String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException {
    if (inspectImage(image).isPresent()) {
      return false;
    }
    pull(image, logins, progress);
    return true;
  }

  @Override
  public void checkInRegistry(String image, List<RegistryLogin> logins) throws EngineException {
    DockerImages.checkInRegistry(connection, image, logins);
  }

  @Override
  public Optional<ImageInfo> inspectImage(String image) throws EngineException {
    return DockerImages.inspect(client(), image);
  }

  @Override
  public void removeImage(String image) throws EngineException {
    DockerImages.remove(client(), image);
  }

  @Override
  public String createContainer(ContainerSpec container) throws EngineException {
    DockerClient c = client();
    String what = container.name().isEmpty() ? "from " + container.image() : container.name();
    return call(
        "create container " + what,
        () -> ContainerCreation.command(c, container, labels).exec().getId());
  }

  @Override
  public void startContainer(String containerId) throws EngineException {
    DockerClient c = client();
    run("start container " + containerId, () -> c.startContainerCmd(containerId).exec());
  }

  /**
   * Attaches with {@code POST /containers/{id}/attach?stream=1&stdout=1&stderr=1}, not with {@code
   * logs?follow=1}: the engine writes a container's output to an attached client as it comes, the
   * container waiting while the client reads, whereas a log follower reads the engine's log file
   * behind the container and Docker 20.10 ends it early when a fast writer exits, losing the rest.
   */
  @Override
  public OutputFollow attachOutput(String containerId, ContainerOutput output)
      throws EngineException, InterruptedException {
    DockerClient c = client();
    String action = "attach to the output of container " + containerId;
    OutputAttachment attachment =
        call(
            action,
            () ->
                c.attachContainerCmd(containerId)
                    .withFollowStream(true)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withLogs(false)
                    .exec(new OutputAttachment(containerId, output)));
    attachment.awaitAttached(ATTACH_TIMEOUT);
    return attachment;
  }

  @Override
  public OptionalInt waitForExit(String containerId, Duration timeout)
      throws EngineException, InterruptedException {
    String action = "wait for container " + containerId;
    DockerClient c = client();
    WaitContainerResultCallback waiting =
        call(action, () -> c.waitContainerCmd(containerId).exec(new WaitContainerResultCallback()));
    try {
      if (!waiting.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return OptionalInt.empty();
      }
      return OptionalInt.of(call(action, waiting::awaitStatusCode));
    } finally {
      DockerErrors.abandon(waiting);
    }
  }

  @Override
  public void killContainer(String containerId) throws EngineException {
    DockerClient c = client();
    run(
        "kill container " + containerId,
        () -> {
          try {
            c.killContainerCmd(containerId).exec();
          } catch (ConflictException notRunning) {
            // Already stopped: the kill's goal is met.
          }
        });
  }

  @Override
  public void stopContainer(String containerId, Duration grace) throws EngineException {
    DockerClient c = client();
    run(
        "stop container " + containerId,
        () -> {
          try {
            c.stopContainerCmd(containerId).withTimeout((int) grace.toSeconds()).exec();
          } catch (NotModifiedException alreadyStopped) {
            // Nothing to stop.
          }
        });
  }

  @Override
  public void removeContainer(String containerId) throws EngineException {
    DockerClient c = client();
    run(
        "remove container " + containerId,
        () ->
            DockerErrors.ignoreMissing(
                () ->
                    c.removeContainerCmd(containerId)
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec()));
  }

  @Override
  public void uploadArchive(String containerId, String directory, InputStream tar)
      throws EngineException {
    DockerClient c = client();
    run(
        "copy files into container " + containerId + " at " + directory,
        () ->
            c.copyArchiveToContainerCmd(containerId)
                .withRemotePath(directory)
                .withTarInputStream(tar)
                .exec());
  }

  @Override
  public void uploadToVolume(String volume, String directory, InputStream tar)
      throws EngineException {
    DockerClient c = client();
    run(
        "copy files into volume " + volume + " at /" + directory.replaceFirst("^/+", ""),
        () -> VolumeUpload.upload(c, volume, directory, tar, labels));
  }

  @Override
  public InputStream downloadFromVolume(String volume, String path) throws EngineException {
    DockerClient c = client();
    return call(
        "copy /" + path.replaceFirst("^/+", "") + " out of volume " + volume,
        () -> VolumeUpload.download(c, volume, path, labels));
  }

  @Override
  public InputStream downloadArchive(String containerId, String path) throws EngineException {
    DockerClient c = client();
    return call(
        "copy " + path + " out of container " + containerId,
        () -> c.copyArchiveFromContainerCmd(containerId, path).exec());
  }

  @Override
  public LabelledResources listByLabel(String key, String value) throws EngineException {
    DockerClient c = client();
    List<String> filter = List.of(value.isEmpty() ? key : key + "=" + value);
    return call(
        "list what carries the label " + key + "=" + value,
        () -> {
          List<String> containers =
              c
                  .listContainersCmd()
                  .withShowAll(true)
                  .withLabelFilter(Map.of(key, value))
                  .exec()
                  .stream()
                  .map(Container::getId)
                  .toList();
          List<String> networks =
              c.listNetworksCmd().withFilter("label", filter).exec().stream()
                  .map(Network::getName)
                  .toList();
          List<InspectVolumeResponse> volumes =
              c.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
          return new LabelledResources(
              containers,
              networks,
              volumes == null
                  ? List.of()
                  : volumes.stream().map(InspectVolumeResponse::getName).toList());
        });
  }

  /** Closes the connection shared by this engine and every engine made with {@link #withLabels}. */
  @Override
  public void close() {
    connection.close();
  }

  private DockerClient client() throws EngineException {
    return connection.client();
  }

  private Map<String, String> labelled(Map<String, String> own) {
    Map<String, String> merged = new LinkedHashMap<>(own);
    merged.putAll(labels);
    return merged;
  }
}
