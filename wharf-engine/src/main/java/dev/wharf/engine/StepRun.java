package dev.wharf.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one step on the calling thread: start delay, attempts, retries, repeats and its deadline.
 */
final class StepRun {

  /** Why a step was stopped from outside. */
  enum Halt {
    STEP_TIMEOUT,
    RUN_TIMEOUT,
    FAILURE_ELSEWHERE,
    CANCEL
  }

  private final StepJob job;
  private final StepContext context;
  private final RunListener listener;
  private final Clock clock;
  private final Future<?> prepared;
  private final ScheduledExecutorService timer;
  private final Executor stopper;
  private final Object lock = new Object();
  private Thread thread;
  private Halt halt;
  private boolean ended;
  private Instant start;
  private int attempts;

  StepRun(
      StepJob job,
      StepContext context,
      RunListener listener,
      Clock clock,
      Future<?> prepared,
      ScheduledExecutorService timer,
      Executor stopper) {
    this.job = job;
    this.context = context;
    this.listener = listener;
    this.clock = clock;
    this.prepared = prepared;
    this.timer = timer;
    this.stopper = stopper;
  }

  String stepId() {
    return job.id();
  }

  /** Runs the step to its end; never throws. */
  StepResult run() {
    synchronized (lock) {
      if (halt != null) {
        return halted();
      }
      thread = Thread.currentThread();
    }
    ScheduledFuture<?> deadline = null;
    try {
      listener.onEvent(
          new RunEvent.StepStarted(
              job.id(), job.timeout(), job.workingDirectory(), job.network(), job.detach()));
      awaitPrepared();
      if (job.startDelay().compareTo(Duration.ZERO) > 0) {
        context.message(
            "Waiting "
                + job.startDelay().toSeconds()
                + " seconds before executing step ID: "
                + job.id());
        sleep(job.startDelay());
      }
      synchronized (lock) {
        start = clock.instant();
      }
      deadline =
          timer.schedule(
              () -> halt(Halt.STEP_TIMEOUT, true), job.timeout().toNanos(), TimeUnit.NANOSECONDS);
      return attempts();
    } catch (InterruptedException e) {
      return halted();
    } catch (ExecutionException e) {
      return failed(describe(e.getCause()));
    } catch (CancellationException e) {
      return halted();
    } catch (RuntimeException e) {
      return failed(describe(e));
    } finally {
      if (deadline != null) {
        deadline.cancel(false);
      }
      synchronized (lock) {
        thread = null;
        ended = true;
      }
      // An interrupt aimed at this step must not leak into the next task of the pooled thread.
      Thread.interrupted();
    }
  }

  /** Stops the step from another thread; the first reason wins. */
  void halt(Halt reason, boolean force) {
    synchronized (lock) {
      if (ended) {
        return;
      }
      if (halt == null) {
        halt = reason;
      }
      if (thread != null) {
        thread.interrupt();
      }
    }
    try {
      stopper.execute(() -> job.action().stop(context, force));
    } catch (RejectedExecutionException e) {
      job.action().stop(context, force);
    }
  }

  /** The result to report when the run stops waiting for this step (second cancel). */
  StepResult abandoned() {
    synchronized (lock) {
      return new StepResult(
          job.id(), StepStatus.CANCELLED, start, clock.instant(), attempts, "cancelled", List.of());
    }
  }

  private void awaitPrepared() throws InterruptedException, ExecutionException {
    prepared.get();
  }

  private StepResult attempts() throws InterruptedException {
    List<String> errors = new ArrayList<>();
    Set<String> digests = new LinkedHashSet<>();
    for (int iteration = 0; iteration <= job.repeat(); iteration++) {
      for (int retry = 0; ; retry++) {
        checkHalt();
        StepOutcome outcome = attempt();
        if (outcome.successful()) {
          announce("Successfully executed container: " + job.id());
          digests.addAll(outcome.digests());
          break;
        }
        checkHalt();
        if (retry < job.retries() && shouldRetry(outcome.error())) {
          announce(
              "Container failed during run: "
                  + job.id()
                  + ", waiting "
                  + job.retryDelay().toSeconds()
                  + " seconds before retrying...");
          sleep(job.retryDelay());
          continue;
        }
        announce("Container failed during run: " + job.id() + ". No retries remaining.");
        errors.add(outcome.error());
        break;
      }
    }
    if (errors.isEmpty()) {
      return result(StepStatus.SUCCESSFUL, null, List.copyOf(digests));
    }
    return failed(String.join(", ", errors));
  }

  private StepOutcome attempt() throws InterruptedException {
    int previous = attempts;
    synchronized (lock) {
      attempts++;
    }
    try {
      if (previous > 0) {
        job.action().discard(context, previous);
      }
      announce("Launching container with name: " + job.id());
      context.takeRetryMarkerSeen();
      StepOutcome outcome = job.action().execute(context, previous + 1);
      if (outcome == null) {
        return StepOutcome.failure("step action returned no outcome");
      }
      return outcome;
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      return StepOutcome.failure(describe(e));
    }
  }

  /** As acb: any error when no markers are set, else a marker in the output or the error text. */
  private boolean shouldRetry(String error) {
    if (job.retryOnErrors().isEmpty()) {
      return true;
    }
    return context.takeRetryMarkerSeen() || job.retryOnErrors().stream().anyMatch(error::contains);
  }

  private void checkHalt() throws InterruptedException {
    synchronized (lock) {
      if (halt != null) {
        throw new InterruptedException("step halted: " + halt);
      }
    }
  }

  private void announce(String text) {
    if (job.container()) {
      context.message(text);
    }
  }

  private StepResult halted() {
    Halt reason;
    synchronized (lock) {
      reason = halt;
    }
    if (reason == null) {
      return failed("interrupted");
    }
    switch (reason) {
      case STEP_TIMEOUT:
        announce("Container failed during run: " + job.id() + ". No retries remaining.");
        return failed(StepStatus.TIMED_OUT, "timed out");
      case RUN_TIMEOUT:
        return result(StepStatus.TIMED_OUT, "timed out", List.of());
      default:
        return result(StepStatus.CANCELLED, "cancelled", List.of());
    }
  }

  private StepResult failed(String error) {
    return failed(StepStatus.FAILED, error);
  }

  private StepResult failed(StepStatus status, String error) {
    if (job.ignoreErrors()) {
      context.message(
          "Step ID: "
              + job.id()
              + " encountered an error: "
              + error
              + ", but is set to ignore errors. Continuing...");
      return result(StepStatus.IGNORED_FAILURE, error, List.of());
    }
    return result(status, error, List.of());
  }

  private StepResult result(StepStatus status, String error, List<String> digests) {
    synchronized (lock) {
      Instant end = start == null ? null : clock.instant();
      return new StepResult(job.id(), status, start, end, attempts, error, digests);
    }
  }

  private static void sleep(Duration duration) throws InterruptedException {
    TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
