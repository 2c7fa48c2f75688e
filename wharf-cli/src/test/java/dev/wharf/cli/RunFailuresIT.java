package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.testing.DockerTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures, retries, repeats and deadlines of steps on the real engine. */
@DockerTest
class RunFailuresIT {

  /** Fails the first time (exit 3), succeeds the next: the counter is a file in the workspace. */
  private static final String FAILS_ONCE =
      "wharf-test/busybox sh -c \"if [ -f /workspace/tried ]; then echo second try; else touch"
          + " /workspace/tried; exit 3; fi\"";

  @TempDir Path dir;

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  @Test
  void run_failingStep_stopsTheRunningOnesSkipsTheRestAndExitsOne() {
    Instant start = Instant.now();
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: slow
                cmd: wharf-test/busybox sleep 60
                when: ["-"]
              - id: broken
                cmd: wharf-test/busybox sh -c "sleep 1; exit 7"
                when: ["-"]
              - id: later
                cmd: wharf-test/busybox echo never printed
                when: ["broken"]
            """);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
    assertThat(run.out()).doesNotContain("never printed");
    assertThat(run.err())
        .contains("Container failed during run: broken")
        .contains("Step ID: later marked as skipped")
        .containsPattern("Run ID: \\S+ failed after \\d+s");
  }

  @Test
  void run_ignoreErrors_letsTheNextStepsRun() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: broken
                cmd: wharf-test/busybox false
                ignoreErrors: true
              - id: after
                cmd: wharf-test/busybox echo after the ignored failure
            """);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("after the ignored failure");
    assertThat(run.err())
        .contains("Step ID: broken marked as successful")
        .contains("failed (ignored)");
  }

  @Test
  void run_retries_runAStepThatFailsOnceAgain() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: flaky
                cmd: %s
                retries: 2
                retryDelay: 1
            """
                .formatted(FAILS_ONCE));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("second try");
    assertThat(run.err())
        .contains("Container failed during run: flaky, waiting 1 seconds before retrying...");
  }

  @Test
  void run_stepTimeout_failsTheStepInTime() {
    Instant start = Instant.now();
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: sleeper
                cmd: wharf-test/busybox sleep 60
                timeout: 2
            """);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    assertThat(run.err()).contains("timed out");
  }

  @Test
  void run_stepTimeout_coversAllRetries() {
    Instant start = Instant.now();
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: hopeless
                cmd: wharf-test/busybox sh -c "sleep 1; exit 5"
                retries: 6
                retryDelay: 1
                timeout: 3
            """);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    // Seven attempts of over two seconds each would take more than 14 s.
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void run_totalTimeout_endsTheRunInTime() {
    Instant start = Instant.now();
    CliRun run =
        CliRun.task(
            dir,
            """
            totalTimeout: 3
            steps:
              - id: first
                cmd: wharf-test/busybox sleep 1
              - id: second
                cmd: wharf-test/busybox sleep 60
            """);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    assertThat(run.err()).contains("Step ID: first marked as successful");
  }

  @Test
  void run_timeoutFlag_endsTheRunInTime() {
    Instant start = Instant.now();
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: sleeper
                cmd: wharf-test/busybox sleep 60
            """,
            "--timeout",
            "2");

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    assertThat(run.err()).containsPattern("Run ID: \\S+ failed after \\d+s");
  }

  @Test
  void run_missingImage_failsTheStepNotTheEnvironment() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: missing
                cmd: 127.0.0.1:5000/runit/never-pushed:none
            """);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).contains("Step ID: missing marked as failed");
  }

  @Test
  void run_networkTheEngineRefuses_failsTheRunAndRemovesTheOtherNetwork(DockerClient client) {
    String good = CliRun.newId() + "-good";
    CliRun run =
        CliRun.task(
            dir,
            """
            networks:
              - name: %s
              - name: %s
                driver: host
            steps:
              - id: never
                cmd: wharf-test/busybox true
            """
                .formatted(good, CliRun.newId() + "-refused"));

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains("only one instance of \"host\" network is allowed")
        .containsPattern("Run ID: \\S+ failed after \\d+s");
    assertThat(client.listNetworksCmd().withNameFilter(good).exec()).isEmpty();
  }

  @Test
  void run_repeat_runsTheStepAgainEachTime() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: again
                cmd: wharf-test/busybox sh -c "echo run >> /workspace/count"
                repeat: 2
              - cmd: wharf-test/busybox wc -l /workspace/count
            """);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("3 /workspace/count");
  }

  @Test
  void run_keepAndDetach_withRetriesAndRepeats_doNotCollideOnTheName() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: kept
                cmd: %s
                keep: true
                retries: 1
                retryDelay: 1
              - id: keptrepeat
                cmd: wharf-test/busybox true
                keep: true
                repeat: 1
              - id: daemon
                cmd: wharf-test/busybox sleep 60
                detach: true
                repeat: 1
            """
                .formatted(FAILS_ONCE));

    assertThat(run.exit()).as(run.toString()).isZero();
    for (String step : new String[] {"kept", "keptrepeat", "daemon"}) {
      assertThat(run.err().split("Launching container with name: " + step + "\n", -1))
          .as(step + " ran twice")
          .hasSize(3);
    }
    assertThat(run.err()).doesNotContain("Conflict").doesNotContain("already in use");
  }
}
