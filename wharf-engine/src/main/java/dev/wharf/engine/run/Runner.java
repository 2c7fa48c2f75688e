package dev.wharf.engine.run;

import dev.wharf.engine.ActiveRun;
import dev.wharf.engine.MaskingListener;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.RunStatus;
import dev.wharf.engine.Scheduler;
import dev.wharf.engine.SecretMasker;
import dev.wharf.engine.StepResult;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.step.RunEnvironment;
import dev.wharf.engine.step.TaskSteps;
import dev.wharf.task.Step;
import dev.wharf.task.Task;
import dev.wharf.task.docker.DependenciesJson;
import dev.wharf.task.docker.ImageDependencies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on a container engine: sets up the run's networks and volumes, walks the steps,
 * reports dependencies with real digests, and removes everything the run created on every exit path
 * (decision E11).
 */
public final class Runner {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Duration CLEANUP_WAIT = Duration.ofSeconds(10);
  private static final Duration CLEANUP_PAUSE = Duration.ofMillis(200);
  private static final int CLEANUP_ROUNDS = 5;

  private final ContainerEngine engine;
  private final Clock clock;

  public Runner(ContainerEngine engine, Clock clock) {
    this.engine = Objects.requireNonNull(engine, "engine cannot be null");
    this.clock = Objects.requireNonNull(clock, "clock cannot be null");
  }

  /**
   * Runs the task to its end and cleans up.
   *
   * @param control lets a signal handler cancel the run while it runs
   * @throws EngineException when the engine cannot be reached before anything ran
   * @throws InterruptedException when the calling thread was interrupted; the run was cancelled by
   *     force and cleaned up
   */
  public RunResult run(TaskRun run, RunControl control)
      throws EngineException, InterruptedException {
    engine.info();
    ContainerEngine labelled =
        engine.withLabels(
            Map.of(ContainerEngine.RUN_ID_LABEL, run.runId(), Cleanup.MANAGED_LABEL, "true"));
    Task task = run.plan().task();
    List<String> secrets = new ArrayList<>(run.secrets());
    run.logins().stream().map(RegistryLogin::password).forEach(secrets::add);
    secrets.addAll(RunResources.secretVolumeContents(task.volumes()));
    RunListener listener = new MaskingListener(new SecretMasker(secrets), run.listener());
    ExecutorService background = daemonPool("wharf-run-");
    listener.onEvent(
        new RunEvent.RunStarted(run.runId(), task.steps().stream().map(Step::id).toList()));
    Instant start = clock.instant();
    try {
      RunResult result = steps(run, labelled, listener, background, control, start);
      listener.onEvent(new RunEvent.RunFinished(result));
      return result;
    } finally {
      // An interrupt (a second Ctrl-C) skips the graceful stop, never the cleanup.
      boolean interrupted = Thread.interrupted();
      try {
        cleanUp(labelled, run.runId(), background);
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private RunResult steps(
      TaskRun run,
      ContainerEngine labelled,
      RunListener listener,
      ExecutorService background,
      RunControl control,
      Instant start)
      throws InterruptedException {
    Task task = run.plan().task();
    TaskSteps steps;
    try {
      RunEnvironment env =
          new RunResources(
                  labelled, run, background, text -> listener.onEvent(new RunEvent.Message(text)))
              .setUp();
      steps = new TaskSteps(task, run.plan().graph(), env);
      if (control.cancelled()) {
        return notRun(run, start, RunStatus.CANCELLED, "run was cancelled");
      }
      Scheduler scheduler =
          new Scheduler(listener, clock)
              .withParallelism(run.parallelism())
              .withTotalTimeout(totalTimeout(run));
      ActiveRun active = scheduler.start(run.runId(), steps.jobs());
      control.attach(active);
      RunResult result;
      try {
        result = active.await();
      } catch (InterruptedException e) {
        active.cancel();
        active.cancel();
        throw e;
      }
      return withDependencies(result, steps, env, labelled, listener);
    } catch (EngineException | RuntimeException e) {
      return notRun(run, start, RunStatus.FAILED, e.getMessage());
    }
  }

  private RunResult withDependencies(
      RunResult result,
      TaskSteps steps,
      RunEnvironment env,
      ContainerEngine labelled,
      RunListener listener) {
    List<ImageDependencies> found = steps.dependencies();
    if (found.isEmpty()) {
      return result;
    }
    try {
      List<ImageDependencies> filled = new Digests(labelled, env.pushed()).fill(found);
      listener.onEvent(new RunEvent.Dependencies(DependenciesJson.write(filled)));
      return result;
    } catch (EngineException e) {
      String error = "failed to query digests, msg: " + e.getMessage();
      return new RunResult(
          result.runId(),
          RunStatus.FAILED,
          result.start(),
          clock.instant(),
          result.steps(),
          result.successful() ? error : result.error());
    }
  }

  private Duration totalTimeout(TaskRun run) {
    if (run.totalTimeout() != null) {
      return run.totalTimeout();
    }
    int seconds = run.plan().task().totalTimeout();
    return seconds > 0 ? Duration.ofSeconds(seconds) : null;
  }

  private RunResult notRun(TaskRun run, Instant start, RunStatus status, String error) {
    List<StepResult> skipped =
        run.plan().task().steps().stream().map(s -> StepResult.skipped(s.id())).toList();
    return new RunResult(run.runId(), status, start, clock.instant(), skipped, error);
  }

  /**
   * Removes what the run created. Removals already under way finish first; a step stopped by force
   * may still create its container meanwhile, so a few rounds look again until nothing is left.
   */
  private static void cleanUp(ContainerEngine labelled, String runId, ExecutorService background)
      throws InterruptedException {
    background.shutdown();
    boolean quiet = background.awaitTermination(CLEANUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    ExecutorService removals = daemonPool("wharf-cleanup-");
    try {
      for (int round = 0; round < CLEANUP_ROUNDS; round++) {
        try {
          if (Cleanup.remove(labelled, ContainerEngine.RUN_ID_LABEL, runId, removals).isEmpty()
              && quiet) {
            return;
          }
        } catch (EngineException | RuntimeException e) {
          LOG.debug("Cleanup round {} of run {} failed: {}", round, runId, e.getMessage());
        }
        quiet = true;
        Thread.sleep(CLEANUP_PAUSE.toMillis());
      }
      if (!labelled.listByLabel(ContainerEngine.RUN_ID_LABEL, runId).isEmpty()) {
        LOG.warn("Could not remove everything run {} created; 'wharf cleanup' will", runId);
      }
    } catch (EngineException e) {
      LOG.warn("Could not check the cleanup of run {}: {}", runId, e.getMessage());
    } finally {
      removals.shutdownNow();
      background.shutdownNow();
    }
  }

  private static ExecutorService daemonPool(String prefix) {
    return Executors.newCachedThreadPool(
        r -> {
          Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
