package dev.wharf.engine.container;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * An SSH agent a BuildKit build may use ({@code --ssh ID=SOCKET}, reached by {@code RUN
 * --mount=type=ssh,id=ID}): the agent's socket on the machine running the build
 * (docs/buildkit.md#ssh-agents).
 *
 * @param id the id a {@code RUN --mount=type=ssh} names; {@code default} when it names none
 * @param socket the agent's Unix socket
 */
public record BuildSshAgent(String id, Path socket) {
  public BuildSshAgent {
    requireNonNull(id, "id cannot be null");
    requireNonNull(socket, "socket cannot be null");
  }
}
