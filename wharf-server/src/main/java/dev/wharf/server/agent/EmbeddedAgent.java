package dev.wharf.server.agent;

import dev.wharf.api.RegistryCredential;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.StepTiming;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.logs.Masker;
import dev.wharf.server.queue.ClaimedRun;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.BlobStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent inside the server: a fixed number of workers claim queued runs and execute them, while
 * a watcher sends heartbeats, applies cancellations and timeouts, and ends lost runs.
 */
public final class EmbeddedAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAgent.class);
  private static final long IDLE_POLL_MILLIS = 1000;
  private static final long WATCH_MILLIS = 250;

  private final String name;
  private final int concurrency;
  private final Duration lease;
  private final RunQueue queue;
  private final LogHub logs;
  private final BlobStore blobs;
  private final RunExecutor executor;
  private final MeterRegistry meters;
  private final Map<String, Active> active = new ConcurrentHashMap<>();
  private final Semaphore wakeUp = new Semaphore(0);
  private final List<Thread> workers = new ArrayList<>();
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "wharf-agent-watch"));
  private volatile boolean stopping;
  private volatile boolean halted;
  private long nextHeartbeat;

  /**
   * An agent called {@code name} running up to {@code concurrency} runs; a run whose agent has sent
   * no heartbeat for {@code lease} is declared lost.
   */
  public EmbeddedAgent(
      String name,
      int concurrency,
      Duration lease,
      RunQueue queue,
      LogHub logs,
      BlobStore blobs,
      RunExecutor executor,
      MeterRegistry meters) {
    this.name = name;
    this.concurrency = concurrency;
    this.lease = lease;
    this.queue = queue;
    this.logs = logs;
    this.blobs = blobs;
    this.executor = executor;
    this.meters = meters;
  }

  /** Ends the runs this agent left behind when its server stopped, then starts working. */
  public void start() {
    recoverLost(true);
    queue.onEnqueue(wakeUp::release);
    for (int i = 0; i < concurrency; i++) {
      Thread worker = new Thread(this::work, "wharf-agent-" + name + "-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    watcher.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void work() {
    while (!stopping) {
      try {
        Optional<ClaimedRun> claimed = queue.claim(name);
        if (claimed.isPresent()) {
          execute(claimed.get());
        } else {
          wakeUp.tryAcquire(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // an error of one claim or run must not end the worker: the other runs still need it
        if (!stopping) {
          LOG.warn("agent {} could not claim or record a run", name, e);
          sleepQuietly();
        }
      }
    }
  }

  private void execute(ClaimedRun claimed) {
    Run run = claimed.run();
    String runId = run.runId();
    RunSpec spec = claimed.spec();
    List<String> secrets = new ArrayList<>(spec.secretValues().values());
    spec.credentials().stream().map(RegistryCredential::password).forEach(secrets::add);
    if (!spec.gitAccessToken().isEmpty()) {
      secrets.add(spec.gitAccessToken());
    }
    Masker masker = new Masker(secrets);
    Active current =
        new Active(new CancelSignal(), System.currentTimeMillis() + spec.timeoutSeconds() * 1000L);
    active.put(runId, current);
    long started = System.nanoTime();
    RunOutcome outcome;
    try {
      queue.markRunning(runId);
      RunJob job =
          new RunJob(
              runId,
              run.runType(),
              run.task(),
              spec,
              spec.upload() == null ? null : blobs.upload(spec.upload()));
      outcome =
          executor.execute(job, line -> logs.append(runId, masker.mask(line)), current.signal);
      if (current.timedOut) {
        outcome = ended(RunStatus.Timeout, "the run exceeded its timeout", outcome);
      } else if (current.canceled) {
        outcome = ended(RunStatus.Canceled, "canceled", outcome);
      } else if (stopping) {
        outcome = ended(RunStatus.Error, "the server stopped during the run", outcome);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome =
          new RunOutcome(RunStatus.Error, "the server stopped during the run", null, null, null);
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      outcome = new RunOutcome(RunStatus.Error, masker.mask(message), null, null, null);
    } catch (Error e) {
      // A StackOverflowError or OutOfMemoryError ends this run only; the agent goes on.
      LOG.warn("run {} ended as Error: {}", runId, e.toString());
      String message = RunFailures.describe(e);
      logs.append(runId, "Run ended as Error: " + message);
      outcome = new RunOutcome(RunStatus.Error, message, null, null, null);
    } finally {
      active.remove(runId);
      Thread.interrupted(); // an interrupt meant for this run must not reach the next one
    }
    if (halted) {
      return;
    }
    boolean recorded =
        queue.finish(
            runId,
            outcome.status(),
            outcome.errorMessage() == null ? null : masker.mask(outcome.errorMessage()),
            outcome.outputImages(),
            outcome.dependencies(),
            outcome.steps());
    logs.wake();
    if (recorded) {
      Timer.builder("wharf.run.duration")
          .description("Time from start to end of a run")
          .tag("status", outcome.status().name())
          .publishPercentileHistogram()
          .register(meters)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      for (StepTiming step : outcome.steps()) {
        Timer.builder("wharf.step.duration")
            .description("Time a step of a run took")
            .tag("status", step.status() == null ? "unknown" : step.status())
            .publishPercentileHistogram()
            .register(meters)
            .record(Duration.ofMillis(Math.round(step.seconds() * 1000)));
      }
    }
  }

  private static RunOutcome ended(RunStatus status, String message, RunOutcome outcome) {
    return new RunOutcome(
        status, message, outcome.outputImages(), outcome.dependencies(), outcome.steps());
  }

  private void watch() {
    try {
      long now = System.currentTimeMillis();
      for (Active run : active.values()) {
        if (now > run.deadline && !run.signal.isRaised()) {
          run.timedOut = true;
          run.signal.raise();
        }
      }
      for (String runId : queue.cancelRequested(active.keySet())) {
        Active run = active.get(runId);
        if (run != null && !run.signal.isRaised()) {
          run.canceled = true;
          run.signal.raise();
        }
      }
      if (now >= nextHeartbeat) {
        nextHeartbeat = now + lease.toMillis() / 4;
        queue.heartbeat(name, active.keySet());
        recoverLost(false);
      }
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.warn("agent {} could not watch its runs", name, e);
      }
    }
  }

  private void recoverLost(boolean includeMine) {
    // at start-up, runs still marked as this agent's were interrupted by the last stop
    String mine = includeMine ? name : "";
    for (String runId : queue.failLost(mine, System.currentTimeMillis() - lease.toMillis())) {
      LOG.warn("run {} was left unfinished by a stopped agent; it ended as Error", runId);
      logs.append(runId, "Run ended as Error: the agent executing it stopped before it finished");
      try {
        executor.abandoned(runId);
      } catch (Exception e) {
        LOG.warn(
            "could not remove what run {} left behind; wharf cleanup --run {} does",
            runId,
            runId,
            e);
      }
    }
  }

  /** Runs being executed now. */
  public int activeCount() {
    return active.size();
  }

  /**
   * Stops at once without recording anything more, as a killed process would; tests use it to leave
   * runs behind for the next start.
   */
  public void halt() {
    halted = true;
    close();
  }

  /** Stops claiming, asks running executions to stop, and waits briefly for them. */
  @Override
  public void close() {
    stopping = true;
    watcher.shutdownNow();
    active.values().forEach(run -> run.signal.raise());
    for (Thread worker : workers) {
      worker.interrupt();
    }
    try {
      watcher.awaitTermination(5, TimeUnit.SECONDS);
      for (Thread worker : workers) {
        worker.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(IDLE_POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Active {
    final CancelSignal signal;
    final long deadline;
    volatile boolean timedOut;
    volatile boolean canceled;

    Active(CancelSignal signal, long deadline) {
      this.signal = signal;
      this.deadline = deadline;
    }
  }
}
