package dev.wharf.cli;

import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineInfo;
import dev.wharf.engine.docker.DockerEngine;

/**
 * The {@code engine} line of {@code wharf version}, kept out of the command class so that picocli's
 * reflection over the commands loads no Docker client.
 */
final class EngineVersion {
  private EngineVersion() {}

  /** {@code engine 20.10.24 (API 1.41, linux/amd64)}, or why the engine cannot be reached. */
  static String describe() {
    DockerEngine engine = DockerEngine.fromEnvironment();
    try {
      EngineInfo info = engine.info();
      return "engine "
          + info.serverVersion()
          + " (API "
          + info.apiVersion()
          + ", "
          + info.os()
          + "/"
          + info.architecture()
          + ")";
    } catch (EngineException | RuntimeException e) {
      return "engine not reachable: " + e.getMessage();
    } finally {
      engine.close();
    }
  }
}
