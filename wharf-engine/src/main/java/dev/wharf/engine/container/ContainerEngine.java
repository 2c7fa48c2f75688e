package dev.wharf.engine.container;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The container engine a run executes on: networks, volumes, images and containers.
 *
 * <p>Every container, network and volume an engine creates carries its labels (see {@link
 * #withLabels}), so that whatever a crashed run left behind can be found with {@link #listByLabel}
 * and removed. Removal is idempotent: removing something that is already gone succeeds.
 */
public interface ContainerEngine {

  /** The label that names the run which created a container, network or volume. */
  String RUN_ID_LABEL = "dev.wharf.run-id";

  /** An engine sharing this one's connection that also puts {@code labels} on what it creates. */
  ContainerEngine withLabels(Map<String, String> labels);

  /** The engine's address, e.g. {@code unix:///var/run/docker.sock}; "" when it has none. */
  default String address() {
    return "";
  }

  /** An engine that labels what it creates with {@link #RUN_ID_LABEL}{@code =runId}. */
  default ContainerEngine forRun(String runId) {
    return withLabels(Map.of(RUN_ID_LABEL, runId));
  }

  /** What the engine reports about itself; also checks that it answers. */
  EngineInfo info() throws EngineException;

  void createNetwork(NetworkSpec network) throws EngineException;

  void removeNetwork(String name) throws EngineException;

  void createVolume(VolumeSpec volume) throws EngineException;

  void removeVolume(String name) throws EngineException;

  /**
   * Builds an image from a tar stream of the build context.
   *
   * @param progress receives each line of build output as it arrives
   * @return the id of the built image
   * @throws EngineException with the builder's own error text when a step fails
   */
  String build(BuildRequest request, InputStream context, Consumer<String> progress)
      throws EngineException, InterruptedException;

  /**
   * Pushes {@code image} (with its tag; none means {@code latest}) to its registry.
   *
   * @param logins credentials; the one whose registry matches the image's is used
   * @param progress receives a line per progress message
   * @return the manifest digest the registry stored ({@code sha256:…})
   * @throws EngineException if any progress message reports an error, even when the engine
   *     otherwise ends the push normally
   */
  String push(String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException;

  /** Pulls {@code image} even when it is present. */
  void pull(String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException;

  /**
   * Pulls {@code image} only when the engine does not have it.
   *
   * @return whether a pull happened
   */
  boolean pullIfMissing(String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException;

  /**
   * Asks {@code image}'s registry, through the engine and so with its network and registry
   * settings, whether it holds the image, without pulling it ({@code GET /distribution}).
   *
   * @param logins credentials; the one whose registry matches the image's is used
   * @throws EngineException with the registry's or the network's answer when it does not
   */
  void checkInRegistry(String image, List<RegistryLogin> logins) throws EngineException;

  /** The local image named {@code image}, or empty when the engine does not have it. */
  Optional<ImageInfo> inspectImage(String image) throws EngineException;

  /** Removes a local image, even when containers still use it. */
  void removeImage(String image) throws EngineException;

  /** Creates (but does not start) a container and returns its id. */
  String createContainer(ContainerSpec container) throws EngineException;

  void startContainer(String containerId) throws EngineException;

  /**
   * Attaches to a created container's output; call it before {@link #startContainer}. It returns
   * once the engine holds the attachment, so every byte the container writes after it starts is
   * delivered, on another thread, until the container's output ends. The container waits for a slow
   * reader instead of its output being dropped, so a step printing hundreds of megabytes is
   * delivered whole while memory stays bounded (docs/security.md#log-lines).
   */
  OutputFollow attachOutput(String containerId, ContainerOutput output)
      throws EngineException, InterruptedException;

  /**
   * Waits for a started container to stop and returns its exit code, or empty after {@code timeout}
   * (the container keeps running).
   */
  OptionalInt waitForExit(String containerId, Duration timeout)
      throws EngineException, InterruptedException;

  /** Sends SIGKILL; a container that is not running is left alone. */
  void killContainer(String containerId) throws EngineException;

  /** Sends SIGTERM, then SIGKILL after {@code grace}. */
  void stopContainer(String containerId, Duration grace) throws EngineException;

  /** Removes the container, running or not, with its anonymous volumes. */
  void removeContainer(String containerId) throws EngineException;

  /** Unpacks a tar stream into the container at {@code directory}, which must exist. */
  void uploadArchive(String containerId, String directory, InputStream tar) throws EngineException;

  /**
   * Unpacks a tar stream into the volume at {@code directory} (relative to the volume's root, and
   * existing; empty for the root), byte for byte, without running any process.
   */
  void uploadToVolume(String volume, String directory, InputStream tar) throws EngineException;

  /** A tar stream of {@code path} inside the container; the caller closes it. */
  InputStream downloadArchive(String containerId, String path) throws EngineException;

  /**
   * A tar stream of {@code path} (relative to the volume's root) inside the volume, without running
   * any process; its top entry is named after the last element of {@code path}. The caller closes
   * it.
   */
  InputStream downloadFromVolume(String volume, String path) throws EngineException;

  /** What carries the label {@code key=value}, or the label {@code key} at all when value is "". */
  LabelledResources listByLabel(String key, String value) throws EngineException;
}
