package dev.wharf.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MountType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a tar stream into a volume through a container that is created but never started.
 *
 * <p>The container's image is an empty one that Wharf builds itself, so nothing is pulled and no
 * process runs; the engine mounts the volume for the copy alone. This is how secret files reach a
 * volume byte for byte without a shell or the workspace (docs/behaviour.md#secret-volumes).
 */
final class VolumeUpload {

  /** A local-only image with no files; never pushed or pulled. */
  static final String EMPTY_IMAGE = "wharf-empty:1";

  private static final String MOUNT_POINT = "/wharf-volume";

  private VolumeUpload() {}

  /** A tar stream of {@code path} in the volume; closing it removes the helper container. */
  static InputStream download(
      DockerClient client, String volume, String path, Map<String, String> labels) {
    String id = helper(client, volume, labels);
    try {
      InputStream tar =
          client
              .copyArchiveFromContainerCmd(id, MOUNT_POINT + "/" + path.replaceFirst("^/+", ""))
              .exec();
      return new java.io.FilterInputStream(tar) {
        @Override
        public void close() throws java.io.IOException {
          try {
            super.close();
          } finally {
            client.removeContainerCmd(id).withForce(true).exec();
          }
        }
      };
    } catch (RuntimeException e) {
      client.removeContainerCmd(id).withForce(true).exec();
      throw e;
    }
  }

  private static String helper(DockerClient client, String volume, Map<String, String> labels) {
    ensureEmptyImage(client);
    return client
        .createContainerCmd(EMPTY_IMAGE)
        .withCmd("none")
        .withLabels(labels)
        .withHostConfig(
            HostConfig.newHostConfig()
                .withMounts(
                    List.of(
                        new com.github.dockerjava.api.model.Mount()
                            .withType(MountType.VOLUME)
                            .withSource(volume)
                            .withTarget(MOUNT_POINT))))
        .exec()
        .getId();
  }

  static void upload(
      DockerClient client,
      String volume,
      String directory,
      InputStream tar,
      Map<String, String> labels) {
    String id = helper(client, volume, labels);
    try {
      client
          .copyArchiveToContainerCmd(id)
          .withRemotePath(MOUNT_POINT + "/" + directory.replaceFirst("^/+", ""))
          .withTarInputStream(tar)
          .exec();
    } finally {
      client.removeContainerCmd(id).withForce(true).exec();
    }
  }

  /**
   * A build context for an image with no layers. Building it rather than importing it works on
   * every engine (docker-java's import stream was cut short by Docker 20.10).
   */
  private static byte[] context() {
    byte[] dockerfile =
        "FROM scratch\nLABEL dev.wharf.purpose=volume-upload\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buffer)) {
      TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
      entry.setSize(dockerfile.length);
      tar.putArchiveEntry(entry);
      tar.write(dockerfile);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static void ensureEmptyImage(DockerClient client) {
    try {
      client.inspectImageCmd(EMPTY_IMAGE).exec();
    } catch (NotFoundException missing) {
      client
          .buildImageCmd(new ByteArrayInputStream(context()))
          .withTags(Set.of(EMPTY_IMAGE))
          .withPull(false)
          .exec(new BuildImageResultCallback())
          .awaitImageId();
    }
  }
}
