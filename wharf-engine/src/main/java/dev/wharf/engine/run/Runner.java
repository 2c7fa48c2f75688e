package dev.wharf.engine.run;

import dev.wharf.engine.ActiveRun;
import dev.wharf.engine.RunEvent;
import dev.wharf.engine.RunListener;
import dev.wharf.engine.RunResult;
import dev.wharf.engine.RunStatus;
import dev.wharf.engine.Scheduler;
import dev.wharf.engine.StepResult;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.socket.EngineAccess;
import dev.wharf.engine.socket.RunSocket;
import dev.wharf.engine.step.RunNames;
import dev.wharf.engine.step.StepEnvironment;
import dev.wharf.engine.step.StepJobs;
import dev.wharf.engine.step.StepNeeds;
import dev.wharf.engine.step.WorkspaceFiles;
import dev.wharf.task.Step;
import dev.wharf.task.Volume;
import dev.wharf.task.docker.DockerParseException;
import dev.wharf.task.docker.ImageDependencies;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a planned task on a container engine (docs/behaviour.md, "Runs"): the run's own networks and
 * volumes (only those its steps use), the steps in their graph, the dependency report, and cleanup
 * of everything the run created on every exit path. One runner runs one request.
 */
public final class Runner {

  private final ContainerEngine engine;
  private final Clock clock;
  private volatile ActiveRun active;
  private volatile boolean cancelled;
  private volatile Thread setupThread;

  public Runner(ContainerEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  /**
   * Runs the request to its end and cleans up; the result says how it went. Setting up the run's
   * resources may fail with the engine's error, which still leaves nothing behind.
   */
  public RunResult run(RunRequest request) throws EngineException, IOException {
    ContainerEngine labelled = engine.forRun(request.runId());
    RunListener listener = request.listener();
    List<String> ids = request.plan().task().steps().stream().map(Step::id).toList();
    RunNames names =
        RunNames.of(
            request.runId(),
            request.externalNetwork(),
            request.plan().task().volumes().stream().map(Volume::name).toList());
    Instant start = clock.instant();
    listener.onEvent(new RunEvent.RunStarted(request.runId(), ids));
    RunResources resources =
        new RunResources(labelled, names, text -> listener.onEvent(new RunEvent.Message(text)));
    RunResult result = null;
    StepNeeds needs = StepNeeds.of(request.plan());
    RunSocket socket =
        needs.containers() ? openSocket(request.engineAccess(), names, listener) : null;
    WorkspaceFiles workspace =
        needs.containers()
            ? WorkspaceFiles.volume(labelled, names.workspaceVolume())
            : WorkspaceFiles.packed(request.workspace()::open);
    try (StepEnvironment env =
        new StepEnvironment(
            labelled,
            names,
            request.logins(),
            socket == null ? "" : socket.path().toString(),
            workspace,
            request.buildCache())) {
      try {
        setupThread = Thread.currentThread();
        if (!cancelled) {
          resources.create(request.plan().task(), request.workspace(), request.logins(), needs);
        }
        setupThread = null;
        Thread.interrupted(); // a cancel during setup is handled below, not by a stray interrupt
        if (cancelled) {
          result = unstarted(request, ids, start, RunStatus.CANCELLED, "the run was cancelled");
          listener.onEvent(new RunEvent.RunFinished(result));
        } else {
          result = steps(request, env, listener);
        }
      } catch (EngineException | IOException | RuntimeException e) {
        if (!cancelled) {
          result = unstarted(request, ids, start, RunStatus.FAILED, e.getMessage());
          listener.onEvent(new RunEvent.RunFinished(result));
          throw e;
        }
        // A cancel during setup interrupts the engine call in flight: that error is the cancel.
        result = unstarted(request, ids, start, RunStatus.CANCELLED, "the run was cancelled");
        listener.onEvent(new RunEvent.RunFinished(result));
      } finally {
        setupThread = null;
        boolean interrupted = Thread.interrupted(); // cleanup's own engine calls must not be cut
        if (socket != null) {
          socket.close(); // before cleanup: steps' own engine calls end with the steps
        }
        List<String> left = env.removeAll();
        List<String> failures = new ArrayList<>(resources.remove());
        left.forEach(id -> failures.add("container " + id));
        boolean stepsCreated = socket != null && socket.createdAnything();
        if (result == null || result.status() != RunStatus.SUCCESSFUL || stepsCreated) {
          sweep(labelled, request.runId())
              .ifPresent(
                  rest -> {
                    failures.clear(); // the sweep saw everything still there
                    failures.addAll(rest);
                  });
        }
        if (stepsCreated) {
          failures.addAll(socket.removeBuiltImages());
        }
        if (interrupted && !cancelled) {
          Thread.currentThread().interrupt();
        }
        if (result != null && !failures.isEmpty()) {
          listener.onEvent(
              new RunEvent.Message(
                  "Could not remove everything the run created (wharf cleanup removes it later): "
                      + String.join("; ", failures)));
        }
      }
    }
    return result;
  }

  /**
   * Starts the run's own engine socket when steps get one; a remote engine cannot mount a socket
   * file of this machine, so its steps get none (and are told).
   */
  private RunSocket openSocket(EngineAccess access, RunNames names, RunListener listener)
      throws IOException {
    if (!access.scoped()) {
      return null;
    }
    Optional<Path> engineSocket = RunSocket.localSocket(engine.address());
    if (engineSocket.isEmpty()) {
      listener.onEvent(
          new RunEvent.Message(
              "Steps get no engine socket: the engine at "
                  + engine.address()
                  + " is not a local Unix socket"));
      return null;
    }
    return RunSocket.open(engineSocket.get(), names, access);
  }

  private RunResult steps(RunRequest request, StepEnvironment env, RunListener listener)
      throws EngineException {
    StepJobs jobs;
    try {
      jobs = StepJobs.of(request.plan(), env);
    } catch (DockerParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    Scheduler scheduler = new Scheduler(listener, clock).withParallelism(request.parallelism());
    if (!request.totalTimeout().isZero()) {
      scheduler = scheduler.withTotalTimeout(request.totalTimeout());
    }
    active = scheduler.start(request.runId(), jobs.jobs());
    if (cancelled) {
      active.cancel();
    }
    RunResult result;
    try {
      result = active.await();
    } catch (InterruptedException e) {
      active.cancel();
      active.cancel();
      Thread.currentThread().interrupt();
      result = active.completion().join();
    }
    try {
      List<ImageDependencies> deps = DependencyReport.of(jobs.builtImages(), env.engine());
      if (!deps.isEmpty()) {
        listener.onEvent(RunEvent.Dependencies.of(deps));
      }
    } catch (DockerParseException | EngineException e) {
      listener.onEvent(new RunEvent.Message("Failed to report dependencies: " + e.getMessage()));
    }
    if (request.startedAt() != null && request.startedAt().isBefore(result.start())) {
      result =
          new RunResult(
              result.runId(),
              result.status(),
              request.startedAt(),
              result.end(),
              result.steps(),
              result.error());
    }
    listener.onEvent(new RunEvent.RunFinished(result));
    return result;
  }

  /**
   * After a run that did not succeed, removes whatever still carries its label: an engine call cut
   * short by a cancel or an error may have created something the run never learnt the id of.
   * Returns what is still left, or nothing when the engine cannot even list it.
   */
  private static Optional<List<String>> sweep(ContainerEngine engine, String runId) {
    try {
      return Optional.of(Leftovers.remove(engine, runId).failed());
    } catch (EngineException e) {
      return Optional.empty();
    }
  }

  private RunResult unstarted(
      RunRequest request, List<String> ids, Instant start, RunStatus status, String error) {
    return new RunResult(
        request.runId(),
        status,
        start,
        clock.instant(),
        ids.stream().map(StepResult::skipped).toList(),
        error);
  }

  /** Cancels the run: the first call stops the steps gracefully, the next ones force it. */
  public void cancel() {
    cancelled = true;
    ActiveRun run = active;
    if (run != null) {
      run.cancel();
    }
    Thread setup = setupThread;
    if (setup != null && run == null) {
      setup.interrupt();
    }
  }
}
