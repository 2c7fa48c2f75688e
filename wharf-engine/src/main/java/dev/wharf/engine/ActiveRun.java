package dev.wharf.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run in progress: walks the step graph, starting each step once all its parents succeeded, and
 * can be cancelled (first gracefully, then by force).
 */
public final class ActiveRun {
  private static final Logger LOG = LoggerFactory.getLogger(ActiveRun.class);
  private final String runId;
  private final List<StepJob> jobs;
  private final RunListener listener;
  private final Clock clock;
  private final int parallelism;
  private final ExecutorService pool;
  private final ScheduledExecutorService timer;
  private final Map<String, StepContext> contexts = new HashMap<>();
  private final Map<String, Future<?>> prepares = new HashMap<>();
  private final Map<String, Integer> waitingParents = new HashMap<>();
  private final Map<String, List<String>> children = new HashMap<>();
  private final Map<String, StepRun> running = new LinkedHashMap<>();
  private final Map<String, StepResult> results = new HashMap<>();
  private final CompletableFuture<RunResult> done = new CompletableFuture<>();
  private Instant start;
  private boolean stopping;
  private RunStatus endStatus;
  private String error;
  private int cancelRequests;

  ActiveRun(String runId, List<StepJob> jobs, RunListener listener, Clock clock, int parallelism) {
    this.runId = runId;
    this.jobs = List.copyOf(jobs);
    this.listener = listener;
    this.clock = clock;
    this.parallelism = parallelism;
    this.pool = Executors.newCachedThreadPool(threads(runId, "step"));
    this.timer = Executors.newSingleThreadScheduledExecutor(threads(runId, "timer"));
    for (StepJob job : this.jobs) {
      waitingParents.put(job.id(), job.parents().size());
      children.putIfAbsent(job.id(), new ArrayList<>());
      for (String parent : job.parents()) {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(job.id());
      }
    }
  }

  public String runId() {
    return runId;
  }

  synchronized void begin(Duration totalTimeout) {
    start = clock.instant();
    for (StepJob job : jobs) {
      StepContext context = new StepContext(runId, job.id(), listener, job.retryOnErrors());
      contexts.put(job.id(), context);
      prepares.put(
          job.id(),
          pool.submit(
              () -> {
                job.action().prepare(context);
                return null;
              }));
    }
    if (totalTimeout != null) {
      var unused = timer.schedule(this::expire, totalTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    launchReady();
    completeIfIdle();
  }

  /**
   * Cancels the run: the first call stops running steps gracefully and starts no new ones; a second
   * call stops them by force and ends the run without waiting for them.
   */
  public void cancel() {
    synchronized (this) {
      if (done.isDone()) {
        return;
      }
      cancelRequests++;
      stop(RunStatus.CANCELLED, "run was cancelled");
      boolean force = cancelRequests > 1;
      for (StepRun step : running.values()) {
        step.halt(StepRun.Halt.CANCEL, force);
      }
      if (force) {
        for (StepRun step : running.values()) {
          report(step.abandoned());
        }
        running.clear();
      }
      completeIfIdle();
    }
  }

  /** Waits for the run to end. */
  public RunResult await() throws InterruptedException {
    try {
      return done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the scheduler failed", e.getCause());
    }
  }

  /** Waits at most {@code timeout} for the run to end. */
  public Optional<RunResult> await(Duration timeout) throws InterruptedException {
    try {
      return Optional.of(done.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the scheduler failed", e.getCause());
    }
  }

  /** Completes when the run ends; for callers that prefer not to block. */
  public CompletableFuture<RunResult> completion() {
    return done.copy();
  }

  private void launchReady() {
    for (StepJob job : jobs) {
      if (stopping || (parallelism > 0 && running.size() >= parallelism)) {
        return;
      }
      String id = job.id();
      if (waitingParents.get(id) != 0 || running.containsKey(id) || results.containsKey(id)) {
        continue;
      }
      StepRun step =
          new StepRun(job, contexts.get(id), listener, clock, prepares.get(id), timer, pool);
      running.put(id, step);
      pool.execute(() -> finished(step, step.run()));
    }
  }

  private synchronized void finished(StepRun step, StepResult result) {
    if (running.remove(step.stepId()) == null) {
      return;
    }
    report(result);
    if (result.status().letsChildrenRun()) {
      for (String child : children.get(result.stepId())) {
        waitingParents.merge(child, -1, Integer::sum);
      }
    } else if (result.status().failsRun()) {
      String message =
          StepFailedException.message(result.stepId(), result.errorText().orElse("failed"));
      stop(RunStatus.FAILED, message);
      for (StepRun other : running.values()) {
        other.halt(StepRun.Halt.FAILURE_ELSEWHERE, false);
      }
    }
    launchReady();
    completeIfIdle();
  }

  private synchronized void expire() {
    if (done.isDone()) {
      return;
    }
    stop(RunStatus.TIMED_OUT, "timed out: the run exceeded its total timeout");
    for (StepRun step : running.values()) {
      step.halt(StepRun.Halt.RUN_TIMEOUT, true);
    }
    completeIfIdle();
  }

  /** Starts no new steps; the first reason to stop decides the run's status and error. */
  private void stop(RunStatus status, String message) {
    stopping = true;
    if (endStatus == null) {
      endStatus = status;
      error = message;
    }
  }

  private void report(StepResult result) {
    results.put(result.stepId(), result);
    try {
      listener.onEvent(new RunEvent.StepFinished(result));
    } catch (RuntimeException e) {
      // A broken printer or log store must not leave the run waiting for ever.
      LOG.warn("A run listener failed on the end of step {}", result.stepId(), e);
    }
  }

  private void completeIfIdle() {
    if (!running.isEmpty() || done.isDone()) {
      return;
    }
    List<StepResult> ordered = new ArrayList<>();
    for (StepJob job : jobs) {
      if (!results.containsKey(job.id())) {
        report(StepResult.skipped(job.id()));
      }
      ordered.add(results.get(job.id()));
    }
    prepares.values().forEach(f -> f.cancel(true));
    timer.shutdownNow();
    pool.shutdown();
    RunStatus status = endStatus == null ? RunStatus.SUCCESSFUL : endStatus;
    done.complete(new RunResult(runId, status, start, clock.instant(), ordered, error));
  }

  private static ThreadFactory threads(String runId, String role) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread =
          new Thread(runnable, "wharf-" + runId + "-" + role + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
