package dev.wharf.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a graph of steps: each step starts once all its parents succeeded, without a limit on
 * parallelism unless one is set; a failure stops the run and the steps not yet run are skipped.
 *
 * <p>The scheduler emits the step events ({@code StepStarted}, {@code StepLog}, {@code Message},
 * {@code StepFinished}); the caller frames them with {@code RunStarted} and, after digests and
 * dependencies, {@code RunFinished}, because the run also spans setup and cleanup around the steps.
 */
public final class Scheduler {
  private final RunListener listener;
  private final Clock clock;
  private final int parallelism;
  private final Duration totalTimeout;

  /** A scheduler with no parallelism limit and no run-wide deadline. */
  public Scheduler(RunListener listener, Clock clock) {
    this(listener, clock, 0, null);
  }

  private Scheduler(RunListener listener, Clock clock, int parallelism, Duration totalTimeout) {
    this.listener = Objects.requireNonNull(listener, "listener cannot be null");
    this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    this.parallelism = parallelism;
    this.totalTimeout = totalTimeout;
  }

  /** The same scheduler running at most {@code steps} steps at once (0: no limit). */
  public Scheduler withParallelism(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("parallelism cannot be negative: " + steps);
    }
    return new Scheduler(listener, clock, steps, totalTimeout);
  }

  /**
   * The same scheduler with a deadline for the whole run ({@code totalTimeout}, {@code --timeout}).
   */
  public Scheduler withTotalTimeout(Duration timeout) {
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("total timeout must be positive: " + timeout);
    }
    return new Scheduler(listener, clock, parallelism, timeout);
  }

  /**
   * Starts the run and returns at once. Every step's {@link StepAction#prepare} is called right
   * away so that it overlaps with the steps before it.
   *
   * @throws IllegalArgumentException for duplicate ids, unknown parents or a cycle
   */
  public ActiveRun start(String runId, List<StepJob> jobs) {
    Objects.requireNonNull(runId, "runId cannot be null");
    check(jobs);
    ActiveRun run = new ActiveRun(runId, jobs, listener, clock, parallelism);
    run.begin(totalTimeout);
    return run;
  }

  /** Runs to the end; an interrupt of the calling thread cancels the run by force. */
  public RunResult run(String runId, List<StepJob> jobs) throws InterruptedException {
    ActiveRun run = start(runId, jobs);
    try {
      return run.await();
    } catch (InterruptedException e) {
      run.cancel();
      run.cancel();
      throw e;
    }
  }

  private static void check(List<StepJob> jobs) {
    Map<String, StepJob> byId = new HashMap<>();
    for (StepJob job : jobs) {
      if (byId.put(job.id(), job) != null) {
        throw new IllegalArgumentException(job.id() + " already exists as a vertex");
      }
    }
    Map<String, Integer> waiting = new HashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    for (StepJob job : jobs) {
      for (String parent : job.parents()) {
        if (!byId.containsKey(parent)) {
          throw new IllegalArgumentException(
              parent + " does not exist as a vertex [from: " + parent + ", to: " + job.id() + "]");
        }
      }
      waiting.put(job.id(), job.parents().size());
      if (job.parents().isEmpty()) {
        ready.add(job.id());
      }
    }
    Set<String> reached = new HashSet<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      reached.add(id);
      for (StepJob job : jobs) {
        if (job.parents().contains(id) && waiting.merge(job.id(), -1, Integer::sum) == 0) {
          ready.add(job.id());
        }
      }
    }
    if (reached.size() != jobs.size()) {
      throw new IllegalArgumentException("the steps' dependencies form a cycle");
    }
  }
}
