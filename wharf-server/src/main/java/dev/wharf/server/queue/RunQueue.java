package dev.wharf.server.queue;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Json;
import dev.wharf.api.OutputImage;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.api.StepTiming;
import dev.wharf.api.TaskDefinition;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.LogAppend;
import dev.wharf.server.store.NewRun;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import dev.wharf.server.store.TriggerStore;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue of runs, kept in the runs table: enqueue, claim by pool and platform (exactly one
 * claimant, also across servers sharing a database), leases renewed by heartbeats, numbered log
 * batches, cancel and finish; each change is published on {@link Wakeups}. The table's SQL is
 * {@link RunStore}'s.
 */
public final class RunQueue {
  /** One INFO line per change of a run's state, for whoever watches the server's stderr. */
  private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);

  private static final Pattern PREFIX = Pattern.compile("[a-z]{2}");

  private final RunStore runs;
  private final TriggerStore triggers;
  private final SecretBox box;
  private final String prefix;
  private final Clock clock;
  private final Wakeups wakeups;

  /** A queue whose run IDs start with {@code prefix}, waking waiters of this process only. */
  public RunQueue(Database db, SecretBox box, String prefix, Clock clock) {
    this(db, box, prefix, clock, Wakeups.local());
  }

  /**
   * A queue whose run IDs start with {@code prefix} (two lower-case letters), publishing what
   * happens to its runs on {@code wakeups}.
   */
  public RunQueue(Database db, SecretBox box, String prefix, Clock clock, Wakeups wakeups) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("a run ID prefix is two lower-case letters: " + prefix);
    }
    this.runs = new RunStore(db);
    this.triggers = new TriggerStore(db);
    this.box = box;
    this.prefix = prefix;
    this.clock = clock;
    this.wakeups = wakeups;
  }

  /** Where this queue publishes what happens to its runs. */
  public Wakeups wakeups() {
    return wakeups;
  }

  /** Queues a run of {@code spec} for the default agent pool. */
  public Run enqueue(RunType type, String task, RunTrigger trigger, RunSpec spec) {
    return enqueue(type, task, trigger, spec, null);
  }

  /**
   * Queues a run of saved task {@code task} executing {@code spec} for the agents of the task's
   * pool that have every one of its agent labels. Every run of a task (manual, timer, commit, base
   * image update) is queued through here or {@link #enqueueOnce}, so each asks for the same agents.
   */
  public Run enqueue(TaskDefinition task, RunTrigger trigger, RunSpec spec) {
    return enqueue(
        task.runType(), task.name(), trigger, spec, task.agentPool(), task.agentLabels());
  }

  /**
   * Queues a run of saved task {@code task} for an event identified by {@code claimKey} (a timer
   * occurrence, a commit, a new digest) for the agents of the task's pool having its agent labels,
   * unless a run was already queued for it, here or by another server on the same database. Answers
   * the run queued now, empty if the event had been claimed.
   */
  public Optional<Run> enqueueOnce(
      String claimKey, TaskDefinition task, RunTrigger trigger, RunSpec spec) {
    Optional<Run> run =
        runs.insertOnce(
            claimKey,
            newRun(
                task.runType(), task.name(), trigger, spec, task.agentPool(), task.agentLabels()));
    if (run.isPresent()) {
      wakeups.publish(Wakeups.Topic.QUEUED);
    }
    return run;
  }

  /** A run of {@code spec} to store, its secrets sealed, for the pool (null: the default one). */
  private NewRun newRun(
      RunType type,
      String task,
      RunTrigger trigger,
      RunSpec spec,
      String pool,
      Map<String, String> labels) {
    return new NewRun(
        prefix,
        type,
        task,
        trigger,
        spec,
        box.seal(Json.write(spec)),
        poolOrDefault(pool),
        labels,
        clock.millis());
  }

  private static String poolOrDefault(String pool) {
    return pool == null || pool.isBlank() ? Claimant.DEFAULT_POOL : pool;
  }

  /**
   * Queues a new run of what {@code runId} ran (same type, task, spec and agent pool, secrets
   * included), as a manual run; empty when there is no such run.
   */
  public Optional<Run> rerun(String runId) {
    Optional<ClaimedRun> original =
        runs.withSealedSpec(runId)
            .map(c -> new ClaimedRun(c.run(), Json.read(box.open(c.sealedSpec()), RunSpec.class)));
    return original.map(
        o ->
            enqueue(
                o.run().runType(),
                o.run().task(),
                RunTrigger.MANUAL,
                o.spec(),
                o.run().agentPool(),
                o.run().agentLabels()));
  }

  /**
   * Queues a run of {@code spec} for the agents of {@code pool} (null: the default pool); secrets
   * in the spec are sealed before storage.
   */
  public Run enqueue(RunType type, String task, RunTrigger trigger, RunSpec spec, String pool) {
    return enqueue(type, task, trigger, spec, pool, Map.of());
  }

  /**
   * Queues a run of {@code spec} for the agents of {@code pool} (null: the default pool) that have
   * every label of {@code labels}; secrets in the spec are sealed before storage.
   */
  public Run enqueue(
      RunType type,
      String task,
      RunTrigger trigger,
      RunSpec spec,
      String pool,
      Map<String, String> labels) {
    Run run = runs.insert(newRun(type, task, trigger, spec, pool, labels));
    LOG.info(
        "run {} queued ({}{}, trigger {})",
        run.runId(),
        type,
        task == null ? "" : " of task " + task,
        trigger.label());
    wakeups.publish(Wakeups.Topic.QUEUED);
    return run;
  }

  /**
   * Claims the oldest queued run of the claimant's pool and platforms, moving it to {@code Started}
   * and leasing it to the claimant.
   */
  public Optional<ClaimedRun> claim(Claimant agent) {
    long now = clock.millis();
    return runs.claimOldest(
            agent.pool(),
            agent.platforms(),
            agent.labels(),
            agent.name(),
            agent.agentId(),
            agent.engine(),
            now,
            now + agent.leaseMillis())
        .map(c -> new ClaimedRun(c.run(), Json.read(box.open(c.sealedSpec()), RunSpec.class)));
  }

  /**
   * Moves a claimed run of {@code agentId} from {@code Started} to {@code Running}; false if it is
   * not that agent's active run (it went back to the queue, or ended).
   */
  public boolean markRunning(String agentId, String runId) {
    boolean marked = runs.markRunning(agentId, runId, clock.millis());
    if (marked) {
      LOG.info("run {} started", runId);
    }
    return marked;
  }

  /**
   * Extends the lease of {@code agentId} on {@code runIds}; answers those of them it no longer
   * holds (they ended, or their lease expired), which the agent must stop.
   */
  public List<String> renew(String agentId, Collection<String> runIds, long leaseMillis) {
    long now = clock.millis();
    return runs.renew(agentId, List.copyOf(runIds), now, now + leaseMillis);
  }

  /**
   * Stores log batch {@code seq} of a run held by {@code agentId} exactly once (see {@link
   * RunStore#appendLog}).
   */
  public LogAppend appendLog(
      String agentId,
      String runId,
      long seq,
      long offset,
      long bytes,
      LongSupplier stored,
      Runnable append) {
    return runs.appendLog(agentId, runId, seq, offset, bytes, stored, append);
  }

  /** The number of the last log batch stored for a run (0: none). */
  public long logSeq(String runId) {
    return runs.logSeq(runId);
  }

  /**
   * Finishes an active run of {@code agentId} with its outcome; false if it had already ended or is
   * not that agent's, in which case nothing is changed.
   */
  public boolean finish(
      String agentId,
      String runId,
      RunStatus status,
      String errorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> dependencies,
      List<StepTiming> steps) {
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    if (status == RunStatus.Succeeded) {
      // A task's base images are those of its last successful run. They are recorded before the
      // run shows as ended: an image-update check in between would otherwise see the task idle
      // with the old digests and queue a second run for a digest this run was built on.
      runs.find(runId)
          .filter(run -> !run.status().isTerminal() && run.task() != null)
          .ifPresent(run -> triggers.recordBaseImages(run.task(), dependencies, clock.millis()));
    }
    boolean finished =
        runs.finish(
            agentId,
            runId,
            status,
            errorMessage,
            outputImages,
            dependencies,
            steps,
            clock.millis());
    if (finished && LOG.isInfoEnabled()) {
      runs.find(runId).ifPresent(RunQueue::logEnd);
    }
    wakeups.publish(Wakeups.Topic.LOG);
    return finished;
  }

  private static void logEnd(Run run) {
    if (run.startTime() != null && run.finishTime() != null) {
      long millis = run.finishTime().toEpochMilli() - run.startTime().toEpochMilli();
      LOG.info("run {} finished: {} after {}s", run.runId(), run.status(), (millis + 500) / 1000);
    } else {
      LOG.info("run {} finished: {}", run.runId(), run.status());
    }
  }

  /**
   * Finishes an active run with its outcome, whichever agent holds it; false if it had already
   * ended (for example because it was declared lost), in which case nothing is changed.
   */
  public boolean finish(
      String runId,
      RunStatus status,
      String errorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> dependencies,
      List<StepTiming> steps) {
    return finish(null, runId, status, errorMessage, outputImages, dependencies, steps);
  }

  /**
   * Cancels a run: a queued one ends {@code Canceled} at once, an active one is flagged for its
   * agent to stop (its agent hears of it at once, through whichever server). Answers the run as it
   * is now, empty if there is no such run.
   */
  public Optional<Run> cancel(String runId) {
    Optional<Run> run = runs.cancel(runId, clock.millis());
    run.ifPresent(
        r ->
            LOG.info(
                "run {} {}",
                runId,
                r.status() == RunStatus.Canceled ? "canceled" : "asked to cancel"));
    wakeups.publish(Wakeups.Topic.CANCEL);
    wakeups.publish(Wakeups.Topic.LOG);
    return run;
  }

  /** The active runs of {@code agentId} that somebody asked to cancel. */
  public List<String> cancelRequested(String agentId) {
    return runs.cancelRequested(agentId);
  }

  /** Active runs whose lease ran out, with the name of their agent. */
  public List<RunStore.LeasedRun> expired() {
    return runs.expired(clock.millis());
  }

  /**
   * The active runs of the agent called {@code name} held by an earlier process of that name than
   * {@code agentId}.
   */
  public List<RunStore.LeasedRun> heldByOthers(String name, String agentId) {
    return runs.heldByOthers(name, agentId);
  }

  /**
   * Puts a run that its agent never began back in the queue (unless {@code force}, only once its
   * lease expired), waking the agents; answers whether it was put back.
   */
  public boolean requeue(String runId, boolean force) {
    boolean requeued = runs.requeue(runId, force, clock.millis());
    if (requeued) {
      LOG.info("run {} queued again: its agent never began it", runId);
      wakeups.publish(Wakeups.Topic.QUEUED);
    }
    return requeued;
  }

  /**
   * Ends a run as {@code Error} because its agent is gone, unless it ended or was renewed meanwhile
   * (a lease is only taken away once it expired, or when {@code force}); what it left on its engine
   * waits for an agent there. Answers whether it was ended.
   */
  public boolean lose(String runId, String message, boolean force) {
    boolean lost = runs.lose(runId, message, force, clock.millis());
    if (lost) {
      LOG.info("run {} finished: Error ({})", runId, message);
    }
    wakeups.publish(Wakeups.Topic.LOG);
    return lost;
  }

  /** Runs lost on the engine {@code engine} whose leftovers nobody removed yet. */
  public List<String> leftoversOn(String engine) {
    return runs.leftoversOn(engine);
  }

  /** Records that what {@code runIds} left on their engine was removed. */
  public void cleaned(Collection<String> runIds) {
    runs.cleaned(List.copyOf(runIds));
  }

  /** Active runs per agent id (for the agent list). */
  public Map<String, Integer> activeByAgent() {
    return runs.activeByAgent();
  }

  /** How many runs wait for an agent. */
  public long length() {
    return runs.queued();
  }
}
