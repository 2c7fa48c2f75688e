package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wharf run} in-process on the real engine: exit statuses and streams. */
@DockerTest
class RunCommandIT {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path context;

  private int run(String task, String runId) throws Exception {
    Files.writeString(context.resolve("acb.yaml"), task);
    return Main.execute(
        new String[] {"run", "--id", runId, "."},
        new PrintWriter(out),
        new PrintWriter(err),
        context);
  }

  @Test
  void run_succeeds_printsContainerOutputOnStdoutAndLogLinesOnStderr(ContainerEngine engine)
      throws Exception {
    String runId = "cli" + UUID.randomUUID().toString().substring(0, 6);
    int status =
        run(
            """
            steps:
              - cmd: wharf-test/busybox sh -c "echo to-stdout; echo to-stderr >&2"
            """,
            runId);

    assertThat(status).as(err.toString()).isZero();
    // The engine reads a container's stdout and stderr through separate pipes, so the order of
    // the two lines is not the container's order; both land on stdout, whole and only once.
    assertThat(out.toString().lines()).containsExactlyInAnyOrder("to-stdout", "to-stderr");
    assertThat(err.toString()).contains("Run ID: " + runId + " was successful after");
    assertThat(engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty()).isTrue();
  }

  @Test
  void run_dockerRunFlagWharfCannotApply_isBadInputWithAHint(ContainerEngine engine)
      throws Exception {
    String runId = "cli" + UUID.randomUUID().toString().substring(0, 6);
    int status =
        run(
            """
            steps:
              - cmd: --shm-size 1g wharf-test/busybox true
            """,
            runId);

    assertThat(status).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(err.toString())
        .contains("Error: cmd of step acb_step_0: the docker run flag --shm-size is not supported")
        .contains("hint: flags Wharf applies before the image:")
        .doesNotContain("failed unexpectedly");
    assertThat(engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty()).isTrue();
  }
}
