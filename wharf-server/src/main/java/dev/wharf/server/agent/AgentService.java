package dev.wharf.server.agent;

import dev.wharf.api.AgentPort;
import dev.wharf.api.AgentProtocolException;
import dev.wharf.api.AgentWire.AgentInfo;
import dev.wharf.api.AgentWire.Assignment;
import dev.wharf.api.AgentWire.Finish;
import dev.wharf.api.AgentWire.Heartbeat;
import dev.wharf.api.AgentWire.HeartbeatReply;
import dev.wharf.api.AgentWire.LogBatch;
import dev.wharf.api.AgentWire.Registered;
import dev.wharf.api.AgentWire.Registration;
import dev.wharf.api.Run;
import dev.wharf.api.StepTiming;
import dev.wharf.server.logs.LogHub;
import dev.wharf.server.queue.Claimant;
import dev.wharf.server.queue.ClaimedRun;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.queue.Wakeups;
import dev.wharf.server.store.AgentStore;
import dev.wharf.server.store.AgentStore.AgentRow;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.DataDisk;
import dev.wharf.server.store.LogAppend;
import dev.wharf.server.store.RunStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of the agent protocol: registration (one live process per name), claims by pool
 * and platform, leases renewed by heartbeats, numbered log batches stored exactly once, and
 * outcomes; it also ends the runs of agents that stopped answering. Its HTTP routes and the
 * embedded agent both call it.
 */
public final class AgentService implements AgentPort {
  private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern INSTANCE = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern POOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final long MAX_WAIT_MILLIS = 30_000;
  private static final int MAX_LINES_PER_BATCH = 5_000;

  /** The longest log line stored; agents cut longer ones. */
  public static final int MAX_LINE_CHARS = 64 * 1024;

  private static final int MAX_LABELS = 32;
  private static final long RECONNECT_MILLIS = 5_000;

  private final AgentStore agents;
  private final RunQueue queue;
  private final RunStore runs;
  private final LogHub logs;
  private final BlobStore blobs;
  private final Wakeups wakeups;
  private final MeterRegistry meters;
  private final Clock clock;
  private final long heartbeatMillis;
  private final long leaseMillis;
  private volatile long reapAfter = Long.MAX_VALUE;

  /**
   * The protocol over these stores; agents send a heartbeat every {@code heartbeat}, and a run
   * whose agent misses it for one and a half intervals ends as {@code Error}.
   */
  public AgentService(
      AgentStore agents,
      RunQueue queue,
      RunStore runs,
      LogHub logs,
      BlobStore blobs,
      MeterRegistry meters,
      Clock clock,
      Duration heartbeat) {
    this.agents = agents;
    this.queue = queue;
    this.runs = runs;
    this.logs = logs;
    this.blobs = blobs;
    this.wakeups = queue.wakeups();
    this.meters = meters;
    this.clock = clock;
    this.heartbeatMillis = heartbeat.toMillis();
    this.leaseMillis = heartbeatMillis * 3 / 2;
  }

  /**
   * Lets {@link #reap} end runs, once agents had time to reach this server: one lease and their
   * longest pause between tries, counted from now (call it once the API is listening), so that a
   * restart, or an outage of every server, does not end runs whose agents are alive.
   */
  public void startReaping() {
    reapAfter = clock.millis() + leaseMillis + RECONNECT_MILLIS;
  }

  /** How often {@link #reap} should run: a quarter of a heartbeat. */
  public Duration reapInterval() {
    return Duration.ofMillis(Math.max(50, heartbeatMillis / 4));
  }

  @Override
  public Registered register(Registration registration) {
    if (registration.name() == null || !NAME.matcher(registration.name()).matches()) {
      throw new AgentProtocolException(
          400,
          "an agent name is 1 to 128 letters, digits, '.', '-' or '_': " + registration.name());
    }
    String pool =
        registration.pool() == null || registration.pool().isBlank()
            ? Claimant.DEFAULT_POOL
            : registration.pool();
    if (!POOL.matcher(pool).matches()) {
      throw new AgentProtocolException(
          400, "a pool name is 1 to 64 letters, digits, '-' or '_': " + pool);
    }
    if (registration.labels().size() > MAX_LABELS
        || registration.labels().entrySet().stream()
            .anyMatch(e -> e.getKey().length() > 128 || e.getValue().length() > 256)) {
      throw new AgentProtocolException(
          400, "an agent has at most 32 labels, keys up to 128 and values up to 256 characters");
    }
    String instance = registration.instance();
    if (instance != null && !INSTANCE.matcher(instance).matches()) {
      throw new AgentProtocolException(
          400, "an agent's instance is 32 lower-case hex digits, not " + instance);
    }
    AgentStore.Outcome outcome =
        agents.register(
            instance == null ? AgentStore.newAgentId() : instance,
            registration.name(),
            pool,
            registration.labels(),
            bounded(registration.version(), 64),
            bounded(registration.platform(), 64),
            bounded(registration.engine(), 512),
            Math.max(1, registration.concurrency()),
            registration.replace(),
            leaseMillis);
    if (outcome instanceof AgentStore.Outcome.Taken taken) {
      long ago = Math.max(0, clock.millis() - taken.holder().lastSeen().toEpochMilli()) / 1000;
      throw new AgentProtocolException(
          409,
          "an agent named "
              + registration.name()
              + " is attached (seen "
              + ago
              + " s ago); each agent process needs its own --name (or wait "
              + (leaseMillis / 1000 + 1)
              + " s for that one's lease to end)");
    }
    AgentRow added = ((AgentStore.Outcome.Added) outcome).agent();
    // an earlier process of the name is gone: its runs cannot finish (this one's, when it
    // registers again, go on)
    for (RunStore.LeasedRun run : queue.heldByOthers(registration.name(), added.agentId())) {
      release(run, "agent " + run.agent() + " restarted before the run finished", true);
    }
    LOG.info(
        "agent {} registered (pool {}, platform {}, {} at once)",
        added.name(),
        added.pool(),
        added.platform(),
        added.concurrency());
    return new Registered(added.agentId(), heartbeatMillis, queue.leftoversOn(added.engine()));
  }

  @Override
  public Optional<Assignment> claim(String agentId, long waitMillis) {
    AgentRow agent = known(agentId);
    Claimant claimant =
        new Claimant(
            agent.agentId(),
            agent.name(),
            agent.pool(),
            Platforms.accepted(agent.platform()),
            agent.engine(),
            leaseMillis,
            agent.labels());
    long deadline = clock.millis() + Math.min(Math.max(0, waitMillis), MAX_WAIT_MILLIS);
    try {
      while (true) {
        long seen = wakeups.version(Wakeups.Topic.QUEUED);
        if (!stillAttached(agentId)) {
          // the process that asked is gone (this long poll outlived it, or another took its name):
          // a run handed to it would wait for its lease to end
          return Optional.empty();
        }
        Optional<ClaimedRun> claimed = queue.claim(claimant);
        if (claimed.isPresent()) {
          Run run = claimed.get().run();
          return Optional.of(
              new Assignment(
                  run.runId(),
                  run.runType(),
                  run.task(),
                  claimed.get().spec(),
                  run.triggerDetails(),
                  run.startTime()));
        }
        long left = deadline - clock.millis();
        if (left <= 0) {
          return Optional.empty();
        }
        wakeups.await(Wakeups.Topic.QUEUED, seen, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public HeartbeatReply heartbeat(String agentId, Heartbeat heartbeat) {
    AgentRow agent = known(agentId);
    List<String> lost = queue.renew(agentId, heartbeat.running(), leaseMillis);
    long deadline = clock.millis() + Math.min(Math.max(0, heartbeat.waitMillis()), heartbeatMillis);
    try {
      while (true) {
        long seen = wakeups.version(Wakeups.Topic.CANCEL);
        List<String> cancel = new ArrayList<>(queue.cancelRequested(agentId));
        cancel.removeAll(heartbeat.stopping());
        long left = deadline - clock.millis();
        if (!cancel.isEmpty() || !lost.isEmpty() || left <= 0) {
          return new HeartbeatReply(cancel, lost, queue.leftoversOn(agent.engine()));
        }
        wakeups.await(Wakeups.Topic.CANCEL, seen, left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new HeartbeatReply(List.of(), lost, List.of());
    }
  }

  @Override
  public void running(String agentId, String runId) {
    known(agentId);
    if (!queue.markRunning(agentId, runId)) {
      throw new AgentProtocolException(
          410, "run " + runId + " is no longer this agent's (it went back to the queue or ended)");
    }
  }

  @Override
  public void appendLog(String agentId, String runId, LogBatch batch) {
    if (batch.seq() < 1
        || batch.offset() < 0
        || batch.lines().size() > MAX_LINES_PER_BATCH
        || batch.lines().stream().anyMatch(line -> line.length() > MAX_LINE_CHARS)) {
      throw new AgentProtocolException(
          400,
          "a log batch has a number from 1, an offset, and at most 5000 lines of at most "
              + MAX_LINE_CHARS
              + " characters");
    }
    LogAppend result;
    try {
      result =
          queue.appendLog(
              agentId,
              runId,
              batch.seq(),
              batch.offset(),
              batch.bytes(),
              () -> blobs.logLength(runId),
              () -> logs.appendLines(runId, batch.lines()));
    } catch (RuntimeException e) {
      if (!DataDisk.isFull(e)) {
        throw e;
      }
      // the run ends at once, with its log as it was before this batch: no torn line
      blobs.makeRoom();
      if (queue.lose(runId, DataDisk.Full.MESSAGE, true)) {
        LOG.warn("run {} ended as Error: {}", runId, DataDisk.Full.MESSAGE);
        try {
          logs.append(runId, "Run ended as Error: " + DataDisk.Full.MESSAGE);
        } catch (RuntimeException stillFull) {
          // the run's record says why it ended; its log stops at its last whole line
        }
      }
      throw new AgentProtocolException(410, "run " + runId + " ended: " + DataDisk.Full.MESSAGE);
    }
    switch (result) {
      case APPENDED -> wakeups.publish(Wakeups.Topic.LOG);
      case DUPLICATE -> {}
      case GAP ->
          throw new AgentProtocolException(
              409,
              "log batch "
                  + batch.seq()
                  + " of "
                  + runId
                  + " does not start where the stored log ends ("
                  + blobs.logLength(runId)
                  + " bytes)");
      case NOT_YOURS ->
          throw new AgentProtocolException(
              410, "run " + runId + " is no longer this agent's (it ended or its lease expired)");
    }
  }

  @Override
  public boolean finish(String agentId, String runId, Finish finish) {
    long stored = queue.logSeq(runId);
    if (stored < finish.logSeq()) {
      throw new AgentProtocolException(
          409,
          "the log of "
              + runId
              + " ends at batch "
              + finish.logSeq()
              + " but the server has up to "
              + stored);
    }
    if (finish.status() == null || !finish.status().isTerminal()) {
      throw new AgentProtocolException(
          400, "a run ends with a final status, not " + finish.status());
    }
    boolean recorded =
        queue.finish(
            agentId,
            runId,
            finish.status(),
            finish.errorMessage(),
            finish.outputImages(),
            finish.dependencies(),
            finish.steps());
    logs.wake();
    if (recorded) {
      record(runId, finish);
    }
    return recorded;
  }

  @Override
  public Path upload(String uploadId) {
    try {
      return blobs.upload(uploadId);
    } catch (IllegalArgumentException e) {
      throw new AgentProtocolException(404, "no upload " + uploadId);
    }
  }

  @Override
  public void release(Path upload) {
    // the blob store keeps its own files
  }

  @Override
  public void cleaned(String agentId, List<String> runIds) {
    known(agentId);
    queue.cleaned(runIds);
  }

  /** Ends the runs whose agent stopped answering (their lease expired). */
  public void reap() {
    long now = clock.millis();
    if (now < reapAfter) {
      return;
    }
    for (RunStore.LeasedRun run : queue.expired()) {
      release(run, "agent " + run.agent() + " stopped answering", false);
    }
  }

  /**
   * Whether the agent process {@code agentId} is still registered and was seen within its lease: a
   * long poll left by a killed process must not take runs.
   */
  private boolean stillAttached(String agentId) {
    long oldest = clock.millis() - leaseMillis;
    return agents.find(agentId).filter(a -> a.lastSeen().toEpochMilli() >= oldest).isPresent();
  }

  /**
   * Takes a run from an agent that is gone: back to the queue if the agent never began it (nothing
   * of it ran), else ends it as {@code Error} with {@code reason}.
   */
  private void release(RunStore.LeasedRun run, String reason, boolean force) {
    if (run.started() && queue.requeue(run.runId(), force)) {
      LOG.warn("run {} went back to the queue ({}; it had not begun)", run.runId(), reason);
      return;
    }
    loseRun(run.runId(), reason, force);
  }

  /** The registered agents with how many runs each executes now. */
  public List<AgentInfo> list() {
    Map<String, Integer> active = queue.activeByAgent();
    return agents.list().stream()
        .map(
            a ->
                new AgentInfo(
                    a.name(),
                    a.pool(),
                    a.labels(),
                    a.version(),
                    a.platform(),
                    a.lastSeen(),
                    active.getOrDefault(a.agentId(), 0)))
        .toList();
  }

  private void loseRun(String runId, String reason, boolean force) {
    if (queue.lose(runId, reason, force)) {
      logs.append(runId, "Run ended as Error: " + reason);
      LOG.warn("run {} ended as Error: {}", runId, reason);
    }
  }

  private AgentRow known(String agentId) {
    return agents
        .touch(agentId)
        .orElseThrow(
            () ->
                new AgentProtocolException(
                    404, "unknown agent " + agentId + " (replaced by another process?)"));
  }

  private void record(String runId, Finish outcome) {
    Optional<Run> run = runs.find(runId);
    if (run.isPresent() && run.get().startTime() != null) {
      Timer.builder("wharf.run.duration")
          .description("Time from start to end of a run")
          .tag("status", outcome.status().name())
          .publishPercentileHistogram()
          .register(meters)
          .record(
              Math.max(0, clock.millis() - run.get().startTime().toEpochMilli()),
              TimeUnit.MILLISECONDS);
    }
    for (StepTiming step : outcome.steps()) {
      Timer.builder("wharf.step.duration")
          .description("Time a step of a run took")
          .tag("status", step.status() == null ? "unknown" : step.status())
          .publishPercentileHistogram()
          .register(meters)
          .record(Duration.ofMillis(Math.round(step.seconds() * 1000)));
    }
  }

  private static String bounded(String text, int max) {
    String value = text == null ? "" : text;
    return value.length() > max ? value.substring(0, max) : value;
  }
}
