package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunStatus;
import dev.wharf.engine.StepResult;
import dev.wharf.engine.StepStatus;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs of whole tasks on the real engine: order, sharing, failures, cleanup. */
@DockerTest
class RunnerIT {
  static final String BUSYBOX = "wharf-test/busybox";

  private ContainerEngine engine;
  private TaskRunner runner;

  @BeforeEach
  void setUp(ContainerEngine engine) {
    this.engine = engine;
    runner = new TaskRunner(engine);
  }

  private static String task(String yaml) {
    return yaml.replace("BUSYBOX", BUSYBOX);
  }

  @Test
  void run_sequentialSteps_runInOrderAndShareTheWorkspace() throws Exception {
    var outcome =
        runner
            .files(Map.of("hello.txt", "from the context\n"))
            .run(
                task(
                    """
                    steps:
                      - cmd: BUSYBOX sh -c "cat hello.txt; echo one > f.txt"
                      - cmd: BUSYBOX sh -c "cat f.txt; echo two"
                    """));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).isEqualTo("from the context\none\ntwo\n");
  }

  @Test
  void run_startedEarlier_countsItsDurationFromThatStart() throws Exception {
    // a server run starts when an agent claims it; its log's "after Ns" must match its record
    var outcome =
        runner
            .startedAt(Instant.now().minusSeconds(7))
            .run("version: v1.1.0\nsteps:\n  - cmd: wharf-test/busybox true\n");

    assertThat(outcome.result().elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    long seconds = Math.round(outcome.result().elapsed().toMillis() / 1000.0);
    assertThat(outcome.err()).contains("was successful after " + seconds + "s");
  }

  @Test
  void run_stepsWhenDash_overlap() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - id: a
                    cmd: BUSYBOX sleep 1
                    when: ["-"]
                  - id: b
                    cmd: BUSYBOX sleep 1
                    when: ["-"]
                """));

    StepResult a = outcome.result().step("a").orElseThrow();
    StepResult b = outcome.result().step("b").orElseThrow();
    assertThat(a.start()).isBefore(b.end());
    assertThat(b.start()).isBefore(a.end());
  }

  @Test
  void run_diamond_joinsAfterBothBranches() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - id: a
                    cmd: BUSYBOX sh -c "echo a > a"
                  - id: b
                    cmd: BUSYBOX sh -c "cat a > b; echo b >> b"
                    when: [a]
                  - id: c
                    cmd: BUSYBOX sh -c "cat a > c; echo c >> c"
                    when: [a]
                  - id: d
                    cmd: BUSYBOX cat b c
                    when: [b, c]
                """));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).endsWith("a\nb\na\nc\n");
  }

  @Test
  void run_detachedService_isReachedByItsStepId() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - id: web
                    cmd: BUSYBOX sh -c "echo served > /tmp/index.html && httpd -f -p 8080 -h /tmp"
                    detach: true
                  - cmd: BUSYBOX wget -qO- http://web:8080/index.html
                    retries: 5
                    retryDelay: 1
                """));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).contains("served");
  }

  @Test
  void run_failingStep_stopsLaterStepsAndFailsTheRun() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - id: bad
                    cmd: BUSYBOX sh -c "exit 3"
                  - id: after
                    cmd: BUSYBOX echo never
                """));

    assertThat(outcome.result().status()).isEqualTo(RunStatus.FAILED);
    assertThat(outcome.result().error()).isEqualTo("failed to run step ID: bad: exit status 3");
    assertThat(outcome.result().step("after").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(outcome.out()).doesNotContain("never");
    assertThat(outcome.err()).contains("Step ID: bad marked as failed");
  }

  @Test
  void run_ignoredFailure_letsTheRunSucceed() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - cmd: BUSYBOX false
                    ignoreErrors: true
                  - cmd: BUSYBOX echo after
                """));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).contains("after");
  }

  @Test
  void run_stepFailingOnce_succeedsOnItsRetry() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - id: flaky
                    cmd: BUSYBOX sh -c "test -f marker || { touch marker; exit 4; }"
                    retries: 2
                    retryDelay: 1
                """));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.result().step("flaky").orElseThrow().attempts()).isEqualTo(2);
    assertThat(outcome.err()).contains("Container failed during run: flaky, waiting 1 seconds");
  }

  @Test
  void run_stepTimeout_stopsTheStep() throws Exception {
    long start = System.nanoTime();
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - id: slow
                    cmd: BUSYBOX sleep 30
                    timeout: 1
                """));

    assertThat(outcome.result().successful()).isFalse();
    assertThat(outcome.result().step("slow").orElseThrow().status())
        .isEqualTo(StepStatus.TIMED_OUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void run_totalTimeout_endsTheRun() throws Exception {
    long start = System.nanoTime();
    var outcome =
        runner
            .totalTimeout(Duration.ofSeconds(2))
            .run(
                task(
                    """
                    steps:
                      - cmd: BUSYBOX sleep 30
                      - cmd: BUSYBOX echo never
                    """));

    assertThat(outcome.result().status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(outcome.out()).doesNotContain("never");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }

  @Test
  void run_repeat_runsTheStepAgain() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - cmd: BUSYBOX sh -c "echo x >> count"
                    repeat: 2
                  - cmd: BUSYBOX wc -l count
                """));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).contains("3 count");
  }

  @Test
  void run_keptAndDetachedStepsWithRetriesAndRepeats_doNotCollideOnTheirNames() throws Exception {
    var outcome =
        runner.run(
            task(
                """
                steps:
                  - id: kept
                    cmd: BUSYBOX sh -c "test -f k || { touch k; exit 1; }"
                    keep: true
                    retries: 1
                    retryDelay: 1
                  - id: service
                    cmd: BUSYBOX sleep 30
                    detach: true
                    repeat: 1
                """));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.result().step("service").orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void run_sameTaskTwiceAtOnce_bothSucceed() throws Exception {
    String yaml =
        task(
            """
            steps:
              - id: web
                cmd: BUSYBOX sh -c "echo ok > /tmp/index.html && httpd -f -p 8080 -h /tmp"
                detach: true
              - id: client
                cmd: BUSYBOX wget -qO- http://web:8080/index.html
                retries: 5
                retryDelay: 1
            """);
    var first = CompletableFuture.supplyAsync(() -> quietly(yaml));
    var second = CompletableFuture.supplyAsync(() -> quietly(yaml));

    assertThat(List.of(first.get(), second.get()))
        .allSatisfy(o -> assertThat(o.result().successful()).as(o.all()).isTrue());
  }

  @Test
  void run_cancelledMidRun_leavesNothingBehind() throws Exception {
    AtomicReference<Runner> started = new AtomicReference<>();
    String runId = "tcancel" + System.nanoTime() % 100000;
    var run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return runner.run(
                    task(
                        """
                        steps:
                          - cmd: BUSYBOX sleep 30
                            keep: true
                          - cmd: BUSYBOX echo never
                        """),
                    started::set,
                    runId);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(2500);
    started.get().cancel();

    var outcome = run.get();
    assertThat(outcome.result().status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(engine.listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty()).isTrue();
  }

  @Test
  void run_secretVolume_holdsTheBytesExactly() throws Exception {
    byte[] content = "line one\n$HOME `x` EOL\nno newline at end".getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    var outcome =
        runner.run(
            task(
                """
                volumes:
                  - name: creds
                    secret:
                      key.txt: %s
                steps:
                  - cmd: BUSYBOX sh -c "sha256sum /run/creds/key.txt; cat /run/creds/key.txt"
                    volumeMounts:
                      - name: creds
                        mountPath: /run/creds
                """
                    .formatted(Base64.getEncoder().encodeToString(content))));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).startsWith(sha + "  /run/creds/key.txt\n");
  }

  @Test
  void run_secretValue_isMaskedAlsoInBase64AndInEvents() throws Exception {
    String secret = "hunter2-very-secret";
    var outcome =
        runner
            .secret(secret)
            .run(
                task(
                    """
                    steps:
                      - cmd: BUSYBOX sh -c "echo %s; echo -n %s | base64; exit 2"
                    """
                        .formatted(secret, secret)));

    String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    assertThat(outcome.all()).doesNotContain(secret).doesNotContain(base64).contains("***");
    assertThat(outcome.events())
        .map(RunEvent::toString)
        .noneMatch(e -> e.contains(secret) || e.contains(base64));
  }

  private TaskRunner.Outcome quietly(String yaml) {
    try {
      return runner.run(yaml);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void run_externalDefaultNetwork_isUsedInsteadOfARunNetwork(LocalDocker docker) throws Exception {
    String network = docker.uniqueName("ext");
    docker.engine().createNetwork(NetworkSpec.bridge(network));
    try {
      var outcome =
          runner
              .externalNetwork(network)
              .run(
                  task(
                      """
                      steps:
                        - id: web
                          cmd: BUSYBOX sh -c "echo external > /tmp/index.html && httpd -f -p 8080 -h /tmp"
                          detach: true
                        - cmd: BUSYBOX wget -qO- http://web:8080/index.html
                          retries: 5
                          retryDelay: 1
                      """));

      assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
      assertThat(outcome.out()).contains("external");
      assertThat(outcome.err()).contains("Skip creating network: acb_default_network");
    } finally {
      docker.engine().removeNetwork(network);
    }
  }

  @Test
  void run_buildsAndPushesAlone_createNoNetworkOrVolumeAndBuildFromThePackedContext(
      LocalDocker docker) throws Exception {
    String image = docker.uniqueName("wharf-alone") + ":1";
    try {
      var built =
          runner
              .files(
                  Map.of(
                      "app/Dockerfile", "FROM " + BUSYBOX + "\nCOPY . /ctx\n",
                      "app/.dockerignore", "*.log\n",
                      "app/in.txt", "from the context",
                      "app/out.log", "ignored",
                      "elsewhere.txt", "not in the build's context"))
              .run("steps:\n  - build: -t " + image + " app\n");

      assertThat(built.result().successful()).as(built.all()).isTrue();
      assertThat(built.err()).doesNotContain("Creating Docker network");
      var listed =
          runner.run("steps:\n  - cmd: " + image + " sh -c 'ls -A /ctx; cat /ctx/in.txt'\n");
      assertThat(listed.out()).startsWith(".dockerignore\nDockerfile\nin.txt\nfrom the context");
    } finally {
      engine.removeImage(image);
    }
  }

  @Test
  void run_buildOnTheRunsNetwork_getsThatNetwork(LocalDocker docker) throws Exception {
    String image = docker.uniqueName("wharf-net") + ":1";
    try {
      var outcome =
          runner
              .files(Map.of("Dockerfile", "FROM " + BUSYBOX + "\nRUN true\n"))
              .run("steps:\n  - build: -t " + image + " --network acb_default_network .\n");

      assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
      assertThat(outcome.err()).contains("Creating Docker network: acb_default_network");
    } finally {
      engine.removeImage(image);
    }
  }
}
