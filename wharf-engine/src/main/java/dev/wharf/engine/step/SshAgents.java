package dev.wharf.engine.step;

import dev.wharf.engine.container.BuildSshAgent;
import dev.wharf.engine.source.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The SSH agents a build's {@code --ssh} flags name (docs/buildkit.md#ssh-agents), as docker build
 * reads them: {@code ID} alone is the agent of {@code SSH_AUTH_SOCK}, {@code ID=SOCKET} names an
 * agent's socket on the machine running the build. Key files, which docker buildx serves from an
 * agent of its own, are refused with a hint to add them to an agent.
 */
final class SshAgents {

  private static final int SOCKET_TYPE = 0140000;
  private static final int FILE_TYPE_MASK = 0170000;

  private SshAgents() {}

  /**
   * @param specs the values of the build's {@code --ssh} flags
   * @param authSock {@code SSH_AUTH_SOCK} of the process running the build, or "" when not set
   */
  static List<BuildSshAgent> of(List<String> specs, String authSock) throws SourceException {
    List<BuildSshAgent> agents = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      String id = (eq < 0 ? spec : spec.substring(0, eq)).strip();
      String path = eq < 0 ? "" : spec.substring(eq + 1).strip();
      if (id.isEmpty()) {
        throw new SourceException(
            "--ssh " + spec + " names no id; write --ssh default or --ssh ID=SOCKET");
      }
      if (!ids.add(id)) {
        throw new SourceException("--ssh names the id " + id + " more than once");
      }
      if (path.contains(",")) {
        throw new SourceException(
            "--ssh "
                + spec
                + " names several paths; Wharf forwards one SSH agent socket per id"
                + " (docs/buildkit.md#ssh-agents)");
      }
      if (path.isEmpty()) {
        if (authSock.isEmpty()) {
          throw new SourceException(
              "--ssh "
                  + id
                  + " forwards the SSH agent of SSH_AUTH_SOCK, which is not set for the process"
                  + " running the build; start an agent (ssh-agent) or name its socket: --ssh "
                  + id
                  + "=/path/to/agent.sock");
        }
        path = authSock;
      }
      agents.add(new BuildSshAgent(id, socket(id, Path.of(path).toAbsolutePath())));
    }
    return agents;
  }

  private static Path socket(String id, Path path) throws SourceException {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode");
    } catch (IOException e) {
      throw new SourceException(
          "--ssh " + id + ": " + path + " does not exist on the machine running the build");
    }
    if ((mode & FILE_TYPE_MASK) == SOCKET_TYPE) {
      return path;
    }
    if (Files.isRegularFile(path)) {
      throw new SourceException(
          "--ssh "
              + id
              + ": "
              + path
              + " is a file, not an SSH agent's socket; Wharf forwards agents, not key files:"
              + " add the key to an agent (ssh-add "
              + path
              + ") and name the agent's socket: --ssh "
              + id
              + "=/path/to/agent.sock");
    }
    throw new SourceException("--ssh " + id + ": " + path + " is not an SSH agent's socket");
  }
}
