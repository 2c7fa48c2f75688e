package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.testing.DockerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order and parallelism of steps on the real engine: sequential, {@code when}, a diamond. */
@DockerTest
class RunOrderIT {

  /**
   * Two steps that can only both finish when they run at the same time: each marks its start in the
   * workspace and waits for the other's mark (the step timeout ends a step that waits alone).
   */
  private static String handshake(String self, String other) {
    return "wharf-test/busybox sh -c \"touch /workspace/"
        + self
        + " && until [ -f /workspace/"
        + other
        + " ]; do sleep 0.05; done\"";
  }

  @TempDir Path dir;

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  @Test
  void run_withoutWhen_runsStepsOneAfterAnother() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: a
                cmd: wharf-test/busybox sh -c "echo a >> /workspace/order"
              - id: b
                cmd: wharf-test/busybox sh -c "echo b >> /workspace/order"
              - id: c
                cmd: wharf-test/busybox cat /workspace/order
            """,
            "-o",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.eventIndex("stepFinished", "a")).isLessThan(run.eventIndex("stepStarted", "b"));
    assertThat(run.eventIndex("stepFinished", "b")).isLessThan(run.eventIndex("stepStarted", "c"));
    assertThat(run.logOf("c")).isEqualTo("a\nb\n");
  }

  @Test
  void run_whenDash_overlapsSteps() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: left
                cmd: %s
                when: ["-"]
                timeout: 20
              - id: right
                cmd: %s
                when: ["-"]
                timeout: 20
            """
                .formatted(handshake("left", "right"), handshake("right", "left")),
            "-o",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.eventIndex("stepStarted", "right"))
        .isLessThan(run.eventIndex("stepFinished", "left"));
  }

  @Test
  void run_whenDash_prefixesTheOutputOfOverlappingSteps() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: left
                cmd: %s
                when: ["-"]
                timeout: 20
              - id: right
                cmd: %s
                when: ["-"]
                timeout: 20
            """
                .formatted(
                    handshake("left", "right").replace("done", "done; echo from-left"),
                    handshake("right", "left").replace("done", "done; echo from-right")));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).containsAnyOf("[left] from-left\n", "[right] from-right\n");
  }

  @Test
  void run_parallelismOne_runsIndependentStepsOneAtATime() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: left
                cmd: wharf-test/busybox sleep 0.2
                when: ["-"]
              - id: right
                cmd: wharf-test/busybox sleep 0.2
                when: ["-"]
            """,
            "--parallelism",
            "1",
            "-o",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.eventIndex("stepFinished", "left"))
        .isLessThan(run.eventIndex("stepStarted", "right"));
  }

  @Test
  void run_diamond_runsTheMiddleTogetherAndTheEndLast() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: top
                cmd: wharf-test/busybox sh -c "echo top > /workspace/top"
              - id: left
                cmd: %s
                when: ["top"]
                timeout: 20
              - id: right
                cmd: %s
                when: ["top"]
                timeout: 20
              - id: bottom
                cmd: wharf-test/busybox ls /workspace/top /workspace/left /workspace/right
                when: ["left", "right"]
            """
                .formatted(handshake("left", "right"), handshake("right", "left")),
            "-o",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    for (String middle : new String[] {"left", "right"}) {
      assertThat(run.eventIndex("stepFinished", "top"))
          .isLessThan(run.eventIndex("stepStarted", middle));
      assertThat(run.eventIndex("stepFinished", middle))
          .isLessThan(run.eventIndex("stepStarted", "bottom"));
    }
    assertThat(run.stepResult("bottom").path("status").asText()).isEqualTo("successful");
  }
}
