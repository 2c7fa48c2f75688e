package dev.wharf.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SchedulerTest {
  private final RecordingListener events = new RecordingListener();
  private final Scheduler scheduler = new Scheduler(events, Clock.systemUTC());

  private static StepJob job(String id, StepAction action, String... parents) {
    return StepJob.of(id, Set.of(parents), action);
  }

  /** An attempt that succeeds only once {@code count} attempts wait here together. */
  private static FakeAction meeting(CountDownLatch all) {
    return new FakeAction(
        (context, n) -> {
          all.countDown();
          return all.await(5, TimeUnit.SECONDS)
              ? StepOutcome.success()
              : StepOutcome.failure("the other steps never ran at the same time");
        });
  }

  @Test
  void run_chain_runsStepsOneAfterAnother() throws Exception {
    RunResult result =
        scheduler.run(
            "r",
            List.of(
                job("a", FakeAction.succeeding()),
                job("b", FakeAction.succeeding(), "a"),
                job("c", FakeAction.succeeding(), "b")));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
    assertThat(events.stepMilestones())
        .containsExactly(
            "started a", "finished a", "started b", "finished b", "started c", "finished c");
    assertThat(result.steps()).extracting(StepResult::stepId).containsExactly("a", "b", "c");
    assertThat(result.steps()).allMatch(s -> s.status() == StepStatus.SUCCESSFUL);
  }

  @Test
  void run_independentSteps_runAtTheSameTime() throws Exception {
    CountDownLatch both = new CountDownLatch(2);

    RunResult result =
        scheduler.run("r", List.of(job("a", meeting(both)), job("b", meeting(both))));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
  }

  @Test
  void run_diamond_joinWaitsForBothBranchesWhichOverlap() throws Exception {
    CountDownLatch branches = new CountDownLatch(2);

    RunResult result =
        scheduler.run(
            "r",
            List.of(
                job("a", FakeAction.succeeding()),
                job("b", meeting(branches), "a"),
                job("c", meeting(branches), "a"),
                job("d", FakeAction.succeeding(), "b", "c")));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
    List<String> milestones = events.stepMilestones();
    assertThat(milestones.indexOf("started d"))
        .isGreaterThan(milestones.indexOf("finished b"))
        .isGreaterThan(milestones.indexOf("finished c"));
    assertThat(milestones.indexOf("started b")).isGreaterThan(milestones.indexOf("finished a"));
  }

  @Test
  void run_failure_skipsLaterStepsAndCarriesTheError() throws Exception {
    FakeAction later = FakeAction.succeeding();

    RunResult result =
        scheduler.run(
            "r", List.of(job("a", FakeAction.failing("exit status 3")), job("b", later, "a")));

    assertThat(result.status()).isEqualTo(RunStatus.FAILED);
    assertThat(result.error()).isEqualTo("failed to run step ID: a: exit status 3");
    assertThat(result.step("a").orElseThrow().status()).isEqualTo(StepStatus.FAILED);
    assertThat(result.step("b").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    assertThat(later.calls()).doesNotContain("execute 1");
    assertThatThrownBy(result::orThrow)
        .isInstanceOf(RunFailedException.class)
        .hasMessage("failed to run step ID: a: exit status 3")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
  }

  @Test
  void run_failure_stopsRunningStepsAndStartsNoNewOnes() throws Exception {
    FakeAction slow = FakeAction.blocking();
    FakeAction failing =
        new FakeAction(
            (context, n) -> {
              slow.executing.await();
              return StepOutcome.failure("exit status 1");
            });

    RunResult result =
        scheduler.run(
            "r",
            List.of(
                job("slow", slow),
                job("fail", failing),
                job("after", FakeAction.succeeding(), "slow")));

    assertThat(result.step("slow").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(result.step("after").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    await().untilAsserted(() -> assertThat(slow.calls()).contains("stop"));
    assertThat(result.failures()).extracting(StepResult::stepId).containsExactly("fail");
  }

  @Test
  void run_ignoreErrors_reportsIgnoredFailureAndContinues() throws Exception {
    RunResult result =
        scheduler.run(
            "r",
            List.of(
                job("a", FakeAction.failing("exit status 1")).withIgnoreErrors(true),
                job("b", FakeAction.succeeding(), "a")));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
    assertThat(result.step("a").orElseThrow().status()).isEqualTo(StepStatus.IGNORED_FAILURE);
    assertThat(result.step("b").orElseThrow().status()).isEqualTo(StepStatus.SUCCESSFUL);
    assertThat(events.messages())
        .contains(
            "Step ID: a encountered an error: exit status 1, but is set to ignore errors."
                + " Continuing...");
  }

  @Test
  void run_retries_succeedsOnSecondAttemptAfterDiscardingTheFirst() throws Exception {
    FakeAction flaky =
        new FakeAction(
            (context, n) -> n == 1 ? StepOutcome.failure("exit status 1") : StepOutcome.success());

    RunResult result =
        scheduler.run("r", List.of(job("a", flaky).withRetries(3, Duration.ZERO, List.of())));

    StepResult a = result.step("a").orElseThrow();
    assertThat(a.status()).isEqualTo(StepStatus.SUCCESSFUL);
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(flaky.calls()).containsSubsequence("execute 1", "discard 1", "execute 2");
    assertThat(events.messages())
        .containsExactly(
            "Launching container with name: a",
            "Container failed during run: a, waiting 0 seconds before retrying...",
            "Launching container with name: a",
            "Successfully executed container: a");
  }

  @Test
  void run_retryOnErrorsMismatch_doesNotRetry() throws Exception {
    FakeAction action =
        new FakeAction(
            (context, n) -> {
              context.output(RunEvent.Stream.STDERR, "disk full\n");
              return StepOutcome.failure("exit status 1");
            });

    RunResult result =
        scheduler.run(
            "r",
            List.of(job("a", action).withRetries(3, Duration.ZERO, List.of("connection reset"))));

    assertThat(result.step("a").orElseThrow().attempts()).isEqualTo(1);
    assertThat(events.messages()).contains("Container failed during run: a. No retries remaining.");
  }

  @Test
  void run_retryOnErrorsMatchInOutput_retries() throws Exception {
    FakeAction action =
        new FakeAction(
            (context, n) -> {
              context.output(RunEvent.Stream.STDOUT, "oops: connection reset by peer\n");
              return StepOutcome.failure("exit status 1");
            });

    RunResult result =
        scheduler.run(
            "r",
            List.of(job("a", action).withRetries(2, Duration.ZERO, List.of("connection reset"))));

    StepResult a = result.step("a").orElseThrow();
    assertThat(a.attempts()).isEqualTo(3);
    assertThat(a.error()).isEqualTo("exit status 1");
  }

  @Test
  void run_timeout_coversRetriesAndEndsTheStep() throws Exception {
    FakeAction slowFailure =
        new FakeAction(
            (context, n) -> {
              TimeUnit.MILLISECONDS.sleep(100);
              return StepOutcome.failure("exit status 1");
            });

    RunResult result =
        scheduler.run(
            "r",
            List.of(
                job("a", slowFailure)
                    .withTimeout(Duration.ofMillis(350))
                    .withRetries(50, Duration.ZERO, List.of())));

    StepResult a = result.step("a").orElseThrow();
    assertThat(a.status()).isEqualTo(StepStatus.TIMED_OUT);
    assertThat(a.error()).isEqualTo("timed out");
    assertThat(a.attempts()).isBetween(1, 10);
    assertThat(result.error()).isEqualTo("failed to run step ID: a: timed out");
    await().untilAsserted(() -> assertThat(slowFailure.calls()).contains("stop force"));
  }

  @Test
  void run_timeoutDuringRetryDelay_endsTheStep() throws Exception {
    RunResult result =
        scheduler.run(
            "r",
            List.of(
                job("a", FakeAction.failing("exit status 1"))
                    .withTimeout(Duration.ofMillis(200))
                    .withRetries(1, Duration.ofSeconds(30), List.of())));

    assertThat(result.step("a").orElseThrow().status()).isEqualTo(StepStatus.TIMED_OUT);
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void run_totalTimeout_stopsTheRunAndSkipsTheRest() throws Exception {
    FakeAction blocked = FakeAction.blocking();

    RunResult result =
        scheduler
            .withTotalTimeout(Duration.ofMillis(200))
            .run("r", List.of(job("a", blocked), job("b", FakeAction.succeeding(), "a")));

    assertThat(result.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(result.error()).startsWith("timed out");
    assertThat(result.step("a").orElseThrow().status()).isEqualTo(StepStatus.TIMED_OUT);
    assertThat(result.step("b").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    await().untilAsserted(() -> assertThat(blocked.calls()).contains("stop force"));
  }

  @Test
  void run_repeat_runsEveryIterationAndJoinsTheErrors() throws Exception {
    FakeAction failing = FakeAction.failing("exit status 3");

    RunResult result = scheduler.run("r", List.of(job("a", failing).withRepeat(1)));

    StepResult a = result.step("a").orElseThrow();
    assertThat(a.error()).isEqualTo("exit status 3, exit status 3");
    assertThat(a.attempts()).isEqualTo(2);
    assertThat(failing.calls()).containsExactly("prepare", "execute 1", "discard 1", "execute 2");
  }

  @Test
  void run_repeatWithSuccess_runsEachIteration() throws Exception {
    FakeAction ok = FakeAction.succeeding();

    RunResult result = scheduler.run("r", List.of(job("a", ok).withRepeat(2)));

    assertThat(result.step("a").orElseThrow().attempts()).isEqualTo(3);
    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
  }

  @Test
  void cancel_once_stopsGracefullyAndWaitsForTheStep() throws Exception {
    FakeAction blocked = FakeAction.blocking();
    ActiveRun run =
        scheduler.start("r", List.of(job("a", blocked), job("b", FakeAction.succeeding(), "a")));
    blocked.executing.await();

    run.cancel();
    RunResult result = run.await();

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(result.step("a").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    assertThat(result.step("b").orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
    await().untilAsserted(() -> assertThat(blocked.calls()).contains("stop"));
    assertThat(blocked.calls()).doesNotContain("stop force");
  }

  @Test
  void cancel_twice_forcesAndEndsWithoutWaitingForAStuckStep() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FakeAction stuck =
        new FakeAction(
            (context, n) -> {
              while (release.getCount() > 0) {
                try {
                  release.await();
                } catch (InterruptedException ignoredOnPurpose) {
                  // a step that does not react to interrupts, as a hung engine call would
                }
              }
              return StepOutcome.success();
            });
    ActiveRun run = scheduler.start("r", List.of(job("a", stuck)));
    stuck.executing.await();

    run.cancel();
    assertThat(run.await(Duration.ofMillis(200))).isEmpty();
    run.cancel();
    RunResult result = run.await();
    release.countDown();

    assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(result.step("a").orElseThrow().status()).isEqualTo(StepStatus.CANCELLED);
    await().untilAsserted(() -> assertThat(stuck.calls()).contains("stop", "stop force"));
  }

  @Test
  void run_parallelismLimit_neverRunsMoreStepsAtOnce() throws Exception {
    AtomicInteger current = new AtomicInteger();
    AtomicInteger highest = new AtomicInteger();
    List<StepJob> jobs =
        List.of("a", "b", "c", "d", "e").stream()
            .map(
                id ->
                    job(
                        id,
                        new FakeAction(
                            (context, n) -> {
                              highest.accumulateAndGet(current.incrementAndGet(), Math::max);
                              TimeUnit.MILLISECONDS.sleep(50);
                              current.decrementAndGet();
                              return StepOutcome.success();
                            })))
            .toList();

    RunResult result = scheduler.withParallelism(2).run("r", jobs);

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
    assertThat(highest.get()).isBetween(1, 2);
  }

  @Test
  void run_prepare_isCalledBeforeParentsFinish() throws Exception {
    FakeAction child = FakeAction.succeeding();
    FakeAction parent =
        new FakeAction(
            (context, n) ->
                child.prepared.await(5, TimeUnit.SECONDS)
                    ? StepOutcome.success()
                    : StepOutcome.failure("child was not prepared while the parent ran"));

    RunResult result = scheduler.run("r", List.of(job("a", parent), job("b", child, "a")));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
    assertThat(child.calls()).containsExactly("prepare", "execute 1");
  }

  @Test
  void run_prepareFailure_failsTheStep() throws Exception {
    StepAction broken =
        new StepAction() {
          @Override
          public void prepare(StepContext context) {
            throw new IllegalStateException("no such image");
          }

          @Override
          public StepOutcome execute(StepContext context, int attempt) {
            return StepOutcome.success();
          }
        };

    RunResult result = scheduler.run("r", List.of(job("a", broken)));

    assertThat(result.error()).isEqualTo("failed to run step ID: a: no such image");
  }

  @Test
  void run_startDelay_waitsAndExcludesTheDelayFromElapsedTime() throws Exception {
    RunResult result =
        scheduler.run(
            "r", List.of(job("a", FakeAction.succeeding()).withStartDelay(Duration.ofMillis(300))));

    StepResult a = result.step("a").orElseThrow();
    assertThat(Duration.between(result.start(), a.start()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(a.elapsed()).isLessThan(Duration.ofMillis(300));
    assertThat(events.messages())
        .first()
        .isEqualTo("Waiting 0 seconds before executing step ID: a");
  }

  @Test
  void run_pushStep_isNotAnnouncedAsAContainer() throws Exception {
    scheduler.run("r", List.of(job("p", FakeAction.succeeding()).withoutContainer()));

    assertThat(events.messages()).isEmpty();
  }

  @Test
  void run_successfulAttempts_collectDigests() throws Exception {
    FakeAction build = new FakeAction((context, n) -> StepOutcome.success(List.of("sha256:ab")));

    RunResult result = scheduler.run("r", List.of(job("b", build)));

    assertThat(result.step("b").orElseThrow().digests()).containsExactly("sha256:ab");
  }

  @Test
  void run_stepLogs_reachTheListener() throws Exception {
    FakeAction talker =
        new FakeAction(
            (context, n) -> {
              context.output(RunEvent.Stream.STDOUT, "hello\n");
              return StepOutcome.success();
            });

    scheduler.run("r", List.of(job("a", talker)));

    assertThat(events.events())
        .contains(new RunEvent.StepLog("a", RunEvent.Stream.STDOUT, "hello\n"));
  }

  @Test
  void run_listenerFailingOnStepEnd_stillEndsTheRun() throws Exception {
    RunListener failing =
        event -> {
          if (event instanceof RunEvent.StepFinished) {
            throw new IllegalStateException("disk full");
          }
        };

    RunResult result =
        new Scheduler(failing, Clock.systemUTC())
            .run(
                "r",
                List.of(job("a", FakeAction.succeeding()), job("b", FakeAction.succeeding(), "a")));

    assertThat(result.status()).isEqualTo(RunStatus.SUCCESSFUL);
  }

  @Test
  void start_unknownParent_isRejectedWithAcbsMessage() {
    assertThatThrownBy(() -> scheduler.start("r", List.of(job("a", FakeAction.succeeding(), "b"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("b does not exist as a vertex [from: b, to: a]");
  }

  @Test
  void start_cycle_isRejected() {
    assertThatThrownBy(
            () ->
                scheduler.start(
                    "r",
                    List.of(
                        job("a", FakeAction.succeeding(), "b"),
                        job("b", FakeAction.succeeding(), "a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void run_noSteps_succeeds() throws Exception {
    assertThat(scheduler.run("r", List.of()).status()).isEqualTo(RunStatus.SUCCESSFUL);
  }
}
