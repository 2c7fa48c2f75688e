package dev.wharf.server.agent;

import dev.wharf.api.AgentPort;
import dev.wharf.api.AgentProtocolException;
import dev.wharf.api.AgentWire.Assignment;
import dev.wharf.api.AgentWire.Finish;
import dev.wharf.api.AgentWire.Heartbeat;
import dev.wharf.api.AgentWire.HeartbeatReply;
import dev.wharf.api.AgentWire.Registered;
import dev.wharf.api.AgentWire.Registration;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.engine.SecretMasker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent: registers with a server, claims runs by long poll up to its concurrency, executes them,
 * ships their logs and outcomes, sends heartbeats (which also bring cancels at once), applies
 * timeouts, and removes what lost runs left on its engine. The embedded agent of {@code wharf
 * server} and {@code wharf agent} are this class over different {@link AgentPort}s.
 */
public final class Agent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
  private static final long CLAIM_WAIT_MILLIS = 20_000;
  private static final long WATCH_MILLIS = 250;
  private static final long REPORT_GIVE_UP_MILLIS = 5 * 60_000;

  /** What the agent says about itself, and what it says when it is stopped mid-run. */
  public record Settings(Registration registration, String stopMessage) {}

  private final AgentPort port;
  private final Settings settings;
  private final Registration registration;
  private final RunExecutor executor;
  private final Map<String, Active> active = new ConcurrentHashMap<>();
  private final Semaphore slots;
  private final ExecutorService runs = Executors.newCachedThreadPool(daemon("wharf-run"));
  private final ScheduledExecutorService watcher =
      Executors.newSingleThreadScheduledExecutor(daemon("wharf-agent-watch"));
  private final Retry retry;
  private final List<Thread> loops = new ArrayList<>();
  private volatile String agentId;
  // counts registrations, so that the loops that both found the agent unknown register it once
  private final java.util.concurrent.atomic.AtomicLong registrations =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile long heartbeatMillis;
  private volatile boolean stopping;
  private volatile boolean halted;
  private final CompletableFuture<AgentProtocolException> refused = new CompletableFuture<>();

  /** An agent talking to {@code port}, executing runs with {@code executor}. */
  public Agent(AgentPort port, Settings settings, RunExecutor executor) {
    this.port = port;
    this.settings = settings;
    // this process's id: a registration retried after a lost answer is the same registration
    this.registration =
        settings
            .registration()
            .withInstance(java.util.UUID.randomUUID().toString().replace("-", ""));
    this.executor = executor;
    this.slots = new Semaphore(Math.max(1, settings.registration().concurrency()));
    this.retry = new Retry(REPORT_GIVE_UP_MILLIS, () -> halted);
  }

  /**
   * Registers (waiting while the server cannot be reached or another live process has the name),
   * then starts claiming runs.
   */
  public void start() throws InterruptedException {
    register();
    Thread claimer = new Thread(this::claimLoop, "wharf-agent-claim");
    Thread heart = new Thread(this::heartbeatLoop, "wharf-agent-heartbeat");
    for (Thread loop : List.of(claimer, heart)) {
      loop.setDaemon(true);
      loops.add(loop);
      loop.start();
    }
    var unused =
        watcher.scheduleWithFixedDelay(
            this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * What identifies this machine's container engine: the host name and the Docker endpoint, so that
   * what a lost run left there is removed by an agent on the same engine.
   */
  public static String localEngine() {
    String docker = System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock");
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return host + " " + docker;
  }

  /** The name the agent registered with. */
  public String name() {
    return registration.name();
  }

  /**
   * Completes when the server refuses this agent's token (revoked, unknown, or of another role):
   * the agent then claims nothing more and sends no more heartbeats, since retrying cannot help;
   * the caller decides what follows (a {@code wharf agent} process exits).
   */
  public CompletableFuture<AgentProtocolException> refused() {
    return refused;
  }

  /** Runs being executed now. */
  public int activeCount() {
    return active.size();
  }

  private void register() throws InterruptedException {
    long pause = 500;
    while (!stopping) {
      try {
        Registered registered = port.register(registration);
        agentId = registered.agentId();
        heartbeatMillis = registered.heartbeatMillis();
        registrations.incrementAndGet();
        removeLeftovers(registered.cleanup());
        return;
      } catch (AgentProtocolException e) {
        boolean retryable =
            e.status() == AgentProtocolException.UNREACHABLE
                || e.status() == 409
                || e.status() >= 500;
        if (!retryable) {
          throw e;
        }
        LOG.warn("agent {} cannot register yet: {}", name(), e.getMessage());
        Thread.sleep(pause);
        pause = Math.min(5_000, pause * 2);
      }
    }
  }

  private void claimLoop() {
    long pause = 100;
    while (!stopping) {
      long seen = registrations.get();
      try {
        slots.acquire();
        Optional<Assignment> claimed;
        try {
          claimed = port.claim(agentId, CLAIM_WAIT_MILLIS);
        } catch (RuntimeException e) {
          slots.release();
          throw e;
        }
        if (claimed.isEmpty()) {
          slots.release();
          continue;
        }
        pause = 100;
        Assignment assignment = claimed.get();
        Active run = new Active(assignment);
        active.put(assignment.runId(), run);
        runs.execute(
            () -> {
              try {
                execute(run);
              } finally {
                active.remove(assignment.runId());
                slots.release();
              }
            });
      } catch (InterruptedException e) {
        return;
      } catch (AgentProtocolException e) {
        if (stopping) {
          return;
        }
        if (e.refusesToken()) {
          refusedBy(e);
          return;
        }
        if (e.status() == 404) {
          reRegister(seen);
        } else {
          LOG.warn("agent {} could not claim a run: {}", name(), e.getMessage());
          pause = sleep(pause);
        }
      } catch (RuntimeException e) {
        if (!stopping) {
          LOG.warn("agent {} could not claim a run", name(), e);
          pause = sleep(pause);
        }
      }
    }
  }

  private void heartbeatLoop() {
    long pause = 100;
    while (!stopping) {
      long seen = registrations.get();
      try {
        List<String> running = List.copyOf(active.keySet());
        List<String> stopping =
            active.values().stream()
                .filter(r -> r.signal.isRaised())
                .map(r -> r.assignment.runId())
                .toList();
        HeartbeatReply reply =
            // half an interval, so that a late answer still renews well inside the lease
            port.heartbeat(agentId, new Heartbeat(running, stopping, heartbeatMillis / 2));
        pause = 100;
        for (String runId : reply.cancel()) {
          Active run = active.get(runId);
          if (run != null && !run.signal.isRaised()) {
            run.canceled = true;
            run.signal.raise();
          }
        }
        for (String runId : reply.lost()) {
          Active run = active.get(runId);
          if (run != null) {
            LOG.warn("run {} is no longer agent {}'s; stopping it", runId, name());
            run.lost = true;
            run.signal.raise();
          }
        }
        removeLeftovers(reply.cleanup());
      } catch (AgentProtocolException e) {
        if (this.stopping) {
          return;
        }
        if (e.refusesToken()) {
          refusedBy(e);
          return;
        }
        if (e.status() == 404) {
          reRegister(seen);
        } else {
          LOG.warn("agent {} could not send its heartbeat: {}", name(), e.getMessage());
          pause = sleep(pause);
        }
      } catch (RuntimeException e) {
        if (!this.stopping) {
          LOG.warn("agent {} could not send its heartbeat", name(), e);
          pause = sleep(pause);
        }
      }
    }
  }

  /**
   * Stops claiming and heartbeats for good after the server refused the token; runs under way are
   * asked to stop, as they could not report their end anyway.
   */
  private void refusedBy(AgentProtocolException e) {
    stopping = true;
    active.values().forEach(run -> run.signal.raise());
    if (refused.complete(e)) {
      LOG.error("the server refused agent {}'s token: {}", name(), e.getMessage());
    }
  }

  /**
   * Registers again after the server forgot registration number {@code seen} (another process took
   * the name); the runs under way are no longer this process's. Once only, whichever loop noticed
   * first.
   */
  private synchronized void reRegister(long seen) {
    if (registrations.get() != seen) {
      return;
    }
    LOG.warn("agent {} is unknown to the server (replaced?); its runs stop", name());
    active.values().forEach(run -> run.signal.raise());
    try {
      register();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (AgentProtocolException e) {
      if (!e.refusesToken()) {
        throw e;
      }
      refusedBy(e);
    }
  }

  private void removeLeftovers(List<String> runIds) {
    List<String> removed = new ArrayList<>();
    for (String runId : runIds) {
      if (active.containsKey(runId)) {
        continue;
      }
      try {
        executor.abandoned(runId);
        removed.add(runId);
        LOG.info("removed what lost run {} left on the engine", runId);
      } catch (Exception e) {
        LOG.warn("could not remove what run {} left; wharf cleanup --run {} does", runId, runId, e);
      }
    }
    if (!removed.isEmpty()) {
      port.cleaned(agentId, removed);
    }
  }

  private void execute(Active current) {
    Assignment assignment = current.assignment;
    String runId = assignment.runId();
    RunSpec spec = assignment.spec();
    List<String> secrets = new ArrayList<>(spec.secretValues().values());
    spec.credentials().stream().map(RegistryCredential::password).forEach(secrets::add);
    if (!spec.gitAccessToken().isEmpty()) {
      secrets.add(spec.gitAccessToken());
    }
    // Whatever the executor, nothing it prints or fails with shows the run's secrets; the engine's
    // executor masks its log already, and masking a masked line changes nothing.
    SecretMasker masker = new SecretMasker(secrets);
    String id = agentId;
    LogShipper log = new LogShipper(port, id, runId, retry);
    Path context = null;
    RunOutcome outcome;
    try {
      try {
        retry.call("start " + runId, () -> port.running(id, runId));
      } catch (AgentProtocolException e) {
        if (e.status() == 410) {
          // the server gave it back to the queue before this agent could start it: not ours
          LOG.warn("run {} is no longer agent {}'s: {}", runId, name(), e.getMessage());
          active.remove(runId);
          log.close();
          return;
        }
        throw e;
      }
      context = spec.upload() == null ? null : port.upload(spec.upload());
      RunJob job =
          new RunJob(
              runId,
              assignment.type(),
              assignment.task(),
              spec,
              context,
              assignment.trigger(),
              assignment.startTime());
      // the one place where an agent hands a run to the engine
      outcome = executor.execute(job, line -> log.line(masker.mask(line)), current.signal);
      if (current.timedOut) {
        outcome = ended(RunStatus.Timeout, "the run exceeded its timeout", outcome);
      } else if (current.canceled) {
        outcome = ended(RunStatus.Canceled, "canceled", outcome);
      } else if (stopping) {
        outcome = ended(RunStatus.Error, settings.stopMessage(), outcome);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = new RunOutcome(RunStatus.Error, settings.stopMessage(), null, null, null);
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      outcome = new RunOutcome(RunStatus.Error, message, null, null, null);
    } catch (Error e) {
      // A StackOverflowError or OutOfMemoryError ends this run only; the agent goes on.
      LOG.warn("run {} ended as Error: {}", runId, e.toString());
      String message = RunFailures.describe(e);
      log.line("Run ended as Error: " + message);
      outcome = new RunOutcome(RunStatus.Error, message, null, null, null);
    } finally {
      Thread.interrupted(); // an interrupt meant for this run must not reach the next one
      if (context != null) {
        port.release(context);
      }
    }
    if (current.lost) {
      executorAbandoned(runId);
    }
    // ended here: heartbeats no longer hold it while its end is recorded
    active.remove(runId);
    report(id, runId, log, masked(outcome, masker));
  }

  private void report(String id, String runId, LogShipper log, RunOutcome outcome) {
    try {
      long lastBatch = log.close();
      if (halted || log.gone()) {
        return;
      }
      retry.call(
          "record the end of " + runId,
          () ->
              port.finish(
                  id,
                  runId,
                  new Finish(
                      lastBatch,
                      outcome.status(),
                      outcome.errorMessage(),
                      outcome.outputImages(),
                      outcome.dependencies(),
                      outcome.steps())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (AgentProtocolException e) {
      LOG.warn("the end of run {} could not be recorded: {}", runId, e.getMessage());
    }
  }

  private void executorAbandoned(String runId) {
    try {
      executor.abandoned(runId);
    } catch (Exception e) {
      LOG.warn("could not remove what run {} left; wharf cleanup --run {} does", runId, runId, e);
    }
  }

  private static RunOutcome masked(RunOutcome outcome, SecretMasker masker) {
    if (outcome.errorMessage() == null) {
      return outcome;
    }
    return new RunOutcome(
        outcome.status(),
        masker.mask(outcome.errorMessage()),
        outcome.outputImages(),
        outcome.dependencies(),
        outcome.steps());
  }

  private static RunOutcome ended(RunStatus status, String message, RunOutcome outcome) {
    return new RunOutcome(
        status, message, outcome.outputImages(), outcome.dependencies(), outcome.steps());
  }

  private void watch() {
    long now = System.currentTimeMillis();
    for (Active run : active.values()) {
      if (now > run.deadline && !run.signal.isRaised()) {
        run.timedOut = true;
        run.signal.raise();
      }
    }
  }

  /**
   * Stops at once without recording anything more, as a killed process would; tests use it to leave
   * runs behind.
   */
  public void halt() {
    halted = true;
    close();
  }

  /** Stops claiming, asks running executions to stop, and waits briefly for them to report. */
  @Override
  public void close() {
    stopping = true;
    watcher.shutdownNow();
    active.values().forEach(run -> run.signal.raise());
    loops.forEach(Thread::interrupt);
    runs.shutdown();
    try {
      runs.awaitTermination(10, TimeUnit.SECONDS);
      for (Thread loop : loops) {
        loop.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    runs.shutdownNow();
  }

  private static long sleep(long pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Math.min(2_000, pause * 2);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  private static final class Active {
    final Assignment assignment;
    final CancelSignal signal = new CancelSignal();
    final long deadline;
    volatile boolean timedOut;
    volatile boolean canceled;
    volatile boolean lost;

    Active(Assignment assignment) {
      this.assignment = assignment;
      this.deadline = System.currentTimeMillis() + assignment.spec().timeoutSeconds() * 1000L;
    }
  }
}
