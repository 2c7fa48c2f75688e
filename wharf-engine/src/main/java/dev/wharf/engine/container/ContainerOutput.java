package dev.wharf.engine.container;

/** Receives a container's output as it is produced, with stdout and stderr kept apart. */
@FunctionalInterface
public interface ContainerOutput {

  /** The stream a chunk of output was written to. */
  enum Stream {
    STDOUT,
    STDERR
  }

  /**
   * Receives one chunk as the engine delivered it; chunks are not split into lines and may end
   * mid-line.
   */
  void accept(Stream stream, byte[] bytes);
}
