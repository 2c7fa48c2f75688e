package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

/**
 * Something mounted into a container: a named volume, or the engine's own socket.
 *
 * <p>Workspaces are always volumes, never host directories, so that a remote engine or Podman sees
 * the same files as a local Docker (docs/behaviour.md#engine-api). The engine socket is the one
 * bind mount: its source is a path on the engine's host, not on ours.
 *
 * @param type what is mounted
 * @param source the volume name, or the socket's path on the engine host
 * @param target the path inside the container
 * @param readOnly whether the container may only read it
 */
public record Mount(Type type, String source, String target, boolean readOnly) {

  /** Where Docker listens on Linux hosts; Podman's socket path differs and is passed explicitly. */
  public static final String DOCKER_SOCKET = "/var/run/docker.sock";

  /** What kind of thing is mounted. */
  public enum Type {
    VOLUME,
    ENGINE_SOCKET
  }

  public Mount {
    requireNonNull(type, "type cannot be null");
    requireNonNull(source, "source cannot be null");
    requireNonNull(target, "target cannot be null");
    if (source.isEmpty() || target.isEmpty()) {
      throw new IllegalArgumentException(
          "A mount needs a source and a target: " + source + ":" + target);
    }
  }

  /** The named volume {@code volume} at {@code target}, writable. */
  public static Mount volume(String volume, String target) {
    return new Mount(Type.VOLUME, volume, target, false);
  }

  /** The engine socket at {@code /var/run/docker.sock}, read from {@code socketOnEngineHost}. */
  public static Mount engineSocket(String socketOnEngineHost) {
    return new Mount(Type.ENGINE_SOCKET, socketOnEngineHost, DOCKER_SOCKET, false);
  }
}
