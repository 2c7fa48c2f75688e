package dev.wharf.engine.socket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.run.Leftovers;
import dev.wharf.engine.step.RunNames;
import dev.wharf.engine.testing.DockerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host's docker CLI talking to a run's socket, as a step's docker CLI does. */
@DockerTest
class RunSocketIT {

  private final String runId = "sockit-" + UUID.randomUUID().toString().substring(0, 8);
  private RunSocket socket;
  private ContainerEngine engine;

  private RunSocket open(ContainerEngine engine, EngineAccess access) throws IOException {
    this.engine = engine;
    socket =
        RunSocket.open(Path.of("/var/run/docker.sock"), RunNames.of(runId, "", List.of()), access);
    return socket;
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (socket != null) {
      socket.close();
      Leftovers.remove(engine, runId);
      socket.removeBuiltImages();
    }
  }

  /** Runs the host's docker CLI on the socket; returns exit code and both streams. */
  private String docker(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker", "-H", "unix://" + socket.path()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return "exit " + process.exitValue() + "\n" + output;
  }

  @Test
  void attach_runWithoutDetach_printsTheOutput(ContainerEngine engine) throws Exception {
    open(engine, EngineAccess.SCOPED);

    assertThat(docker(null, "run", "--rm", "wharf-test/busybox", "echo", "attached"))
        .isEqualTo("exit 0\nattached\n");
  }

  @Test
  void attach_stdin_reachesTheContainerAndItsOutputComesBack(ContainerEngine engine)
      throws Exception {
    open(engine, EngineAccess.SCOPED);

    assertThat(docker("piped\n", "run", "-i", "--rm", "wharf-test/busybox", "cat"))
        .isEqualTo("exit 0\npiped\n");
  }
}
