package dev.wharf.server.queue;

import dev.wharf.server.store.BaseImageDependency;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.Json;
import dev.wharf.server.store.OutputImage;
import dev.wharf.server.store.Run;
import dev.wharf.server.store.RunSpec;
import dev.wharf.server.store.RunStatus;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.RunType;
import dev.wharf.server.store.SecretBox;
import dev.wharf.server.store.StepTiming;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The queue of runs, kept in the runs table: enqueue, claim by pool and platform (exactly one
 * claimant, also across servers sharing a database), leases renewed by heartbeats, numbered log
 * batches, cancel and finish.
 */
public final class RunQueue {
  private static final Pattern PREFIX = Pattern.compile("[a-z]{2}");
  private static final String ACTIVE = "('Started', 'Running')";

  private final Database db;
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
    this.db = db;
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
  public Run enqueue(RunType type, String task, String trigger, RunSpec spec) {
    return enqueue(type, task, trigger, spec, null);
  }

  /**
   * Queues a run of {@code spec} for the agents of {@code pool} (null: the default pool); secrets
   * in the spec are sealed before storage.
   */
  public Run enqueue(RunType type, String task, String trigger, RunSpec spec, String pool) {
    String sealed = box.seal(Json.write(spec));
    String agentPool = pool == null || pool.isBlank() ? Claimant.DEFAULT_POOL : pool;
    Run run =
        db.write(
            handle ->
                RunStore.insert(
                    handle, prefix, type, task, trigger, spec, sealed, agentPool, clock.millis()));
    wakeups.publish(Wakeups.Topic.QUEUED);
    return run;
  }

  /**
   * Claims the oldest queued run of the claimant's pool and platforms, moving it to {@code Started}
   * and leasing it to the claimant.
   */
  public Optional<ClaimedRun> claim(Claimant agent) {
    String pick =
        "SELECT seq FROM runs WHERE status = 'Queued' AND agent_pool = :pool"
            + " AND platform IN (<platforms>) ORDER BY seq LIMIT 1"
            + db.dialect().claimSuffix();
    return db.write(
        handle -> {
          Optional<Long> seq =
              handle
                  .createQuery(pick)
                  .bind("pool", agent.pool())
                  .bindList("platforms", agent.platforms())
                  .mapTo(Long.class)
                  .findOne();
          if (seq.isEmpty()) {
            return Optional.empty();
          }
          long now = clock.millis();
          int claimed =
              handle
                  .createUpdate(
                      "UPDATE runs SET status = 'Started', agent = :agent, agent_id = :agentId,"
                          + " agent_engine = :engine, start_time = :now, heartbeat_time = :now,"
                          + " lease_until = :lease, last_updated_time = :now"
                          + " WHERE seq = :seq AND status = 'Queued'")
                  .bind("agent", agent.name())
                  .bind("agentId", agent.agentId())
                  .bind("engine", agent.engine())
                  .bind("now", now)
                  .bind("lease", now + agent.leaseMillis())
                  .bind("seq", seq.get())
                  .execute();
          if (claimed == 0) {
            return Optional.empty();
          }
          return handle
              .createQuery(
                  "SELECT " + RunStore.COLUMNS + ", request_sealed FROM runs WHERE seq = :seq")
              .bind("seq", seq.get())
              .map(
                  (rs, ctx) ->
                      new ClaimedRun(
                          RunStore.map(rs, ctx),
                          Json.read(box.open(rs.getString("request_sealed")), RunSpec.class)))
              .findOne();
        });
  }

  /** Moves a claimed run of {@code agentId} from {@code Started} to {@code Running}. */
  public void markRunning(String agentId, String runId) {
    db.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE runs SET status = 'Running', last_updated_time = :now"
                        + " WHERE run_id = :runId AND agent_id = :agentId AND status = 'Started'")
                .bind("now", clock.millis())
                .bind("runId", runId)
                .bind("agentId", agentId)
                .execute());
  }

  /**
   * Extends the lease of {@code agentId} on {@code runIds}; answers those of them it no longer
   * holds (they ended, or their lease expired), which the agent must stop.
   */
  public List<String> renew(String agentId, Collection<String> runIds, long leaseMillis) {
    List<String> ids = List.copyOf(runIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    long now = clock.millis();
    return db.write(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE runs SET heartbeat_time = :now, lease_until = :lease"
                      + " WHERE agent_id = :agentId AND run_id IN (<ids>) AND status IN "
                      + ACTIVE)
              .bind("now", now)
              .bind("lease", now + leaseMillis)
              .bind("agentId", agentId)
              .bindList("ids", ids)
              .execute();
          List<String> held =
              handle
                  .createQuery(
                      "SELECT run_id FROM runs WHERE agent_id = :agentId AND run_id IN (<ids>)"
                          + " AND status IN "
                          + ACTIVE)
                  .bind("agentId", agentId)
                  .bindList("ids", ids)
                  .mapTo(String.class)
                  .list();
          return ids.stream().filter(id -> !held.contains(id)).toList();
        });
  }

  /**
   * Stores log batch {@code seq} of a run held by {@code agentId} exactly once. The stored log's
   * length ({@code stored}) is the truth: the batch is appended only when the log ends where the
   * batch starts ({@code offset}), and is a duplicate when the log already reaches past it, also if
   * the server stopped after storing it but before recording its number. The run's row stays locked
   * meanwhile, so two servers given the same batch store it once.
   */
  public LogAppend appendLog(
      String agentId,
      String runId,
      long seq,
      long offset,
      long bytes,
      LongSupplier stored,
      Runnable append) {
    return db.write(
        handle -> {
          int held =
              handle
                  .createUpdate(
                      "UPDATE runs SET log_seq = log_seq WHERE run_id = :runId"
                          + " AND agent_id = :agentId AND status IN "
                          + ACTIVE)
                  .bind("runId", runId)
                  .bind("agentId", agentId)
                  .execute();
          if (held == 0) {
            return LogAppend.NOT_YOURS;
          }
          long length = stored.getAsLong();
          LogAppend result;
          if (length == offset) {
            append.run();
            result = LogAppend.APPENDED;
          } else if (length >= offset + bytes) {
            result = LogAppend.DUPLICATE;
          } else {
            return LogAppend.GAP;
          }
          handle
              .createUpdate(
                  "UPDATE runs SET log_seq = :seq WHERE run_id = :runId AND log_seq < :seq")
              .bind("seq", seq)
              .bind("runId", runId)
              .execute();
          return result;
        });
  }

  /** The number of the last log batch stored for a run (0: none). */
  public long logSeq(String runId) {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT log_seq FROM runs WHERE run_id = :runId")
                .bind("runId", runId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
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
    return finish(
        runId,
        " AND agent_id = :agentId",
        agentId,
        status,
        errorMessage,
        outputImages,
        dependencies,
        steps);
  }

  /**
   * Finishes an active run with its outcome; false if it had already ended (for example because it
   * was declared lost), in which case nothing is changed.
   */
  public boolean finish(
      String runId,
      RunStatus status,
      String errorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> dependencies,
      List<StepTiming> steps) {
    return finish(runId, "", null, status, errorMessage, outputImages, dependencies, steps);
  }

  private boolean finish(
      String runId,
      String agentCondition,
      String agentId,
      RunStatus status,
      String errorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> dependencies,
      List<StepTiming> steps) {
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    long now = clock.millis();
    boolean finished =
        db.write(
            handle -> {
              var update =
                  handle
                      .createUpdate(
                          "UPDATE runs SET status = :status, error_message = :error,"
                              + " finish_time = :now, last_updated_time = :now,"
                              + " output_images = :images, image_keys = :keys,"
                              + " dependencies = :deps, steps = :steps"
                              + " WHERE run_id = :runId"
                              + agentCondition
                              + " AND status IN "
                              + ACTIVE)
                      .bind("status", status.name())
                      .bind("error", errorMessage)
                      .bind("now", now)
                      .bind("images", Json.write(outputImages))
                      .bind("keys", RunStore.imageKeys(outputImages))
                      .bind("deps", Json.write(dependencies))
                      .bind("steps", Json.write(steps))
                      .bind("runId", runId);
              if (agentId != null) {
                update.bind("agentId", agentId);
              }
              return update.execute() > 0;
            });
    wakeups.publish(Wakeups.Topic.LOG);
    return finished;
  }

  /**
   * Cancels a run: a queued one ends {@code Canceled} at once, an active one is flagged for its
   * agent to stop. Answers the run as it is now, empty if there is no such run.
   */
  public Optional<Run> cancel(String runId) {
    long now = clock.millis();
    Optional<Run> run =
        db.write(
            handle -> {
              int canceled =
                  handle
                      .createUpdate(
                          "UPDATE runs SET status = 'Canceled', finish_time = :now,"
                              + " last_updated_time = :now,"
                              + " error_message = 'canceled while queued'"
                              + " WHERE run_id = :runId AND status = 'Queued'")
                      .bind("now", now)
                      .bind("runId", runId)
                      .execute();
              if (canceled == 0) {
                handle
                    .createUpdate(
                        "UPDATE runs SET cancel_requested = 1, last_updated_time = :now"
                            + " WHERE run_id = :runId AND status IN "
                            + ACTIVE)
                    .bind("now", now)
                    .bind("runId", runId)
                    .execute();
              }
              return RunStore.find(handle, runId);
            });
    wakeups.publish(Wakeups.Topic.CANCEL);
    wakeups.publish(Wakeups.Topic.LOG);
    return run;
  }

  /** The active runs of {@code agentId} that somebody asked to cancel. */
  public List<String> cancelRequested(String agentId) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id FROM runs WHERE agent_id = :agentId AND cancel_requested = 1"
                        + " AND status IN "
                        + ACTIVE)
                .bind("agentId", agentId)
                .mapTo(String.class)
                .list());
  }

  /** Active runs whose lease ran out before {@code now}, with the name of their agent. */
  public List<LeasedRun> expired(long now) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id, agent FROM runs WHERE status IN "
                        + ACTIVE
                        + " AND lease_until < :now")
                .bind("now", now)
                .map((rs, ctx) -> new LeasedRun(rs.getString(1), rs.getString(2)))
                .list());
  }

  /** The active runs of the agent called {@code name}, whichever instance of it holds them. */
  public List<LeasedRun> heldBy(String name) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id, agent FROM runs WHERE status IN "
                        + ACTIVE
                        + " AND agent = :name")
                .bind("name", name)
                .map((rs, ctx) -> new LeasedRun(rs.getString(1), rs.getString(2)))
                .list());
  }

  /**
   * Ends a run as {@code Error} because its agent is gone, unless it ended or was renewed meanwhile
   * (a lease is only taken away once it expired, or when {@code force}); what it left on its engine
   * waits for an agent there. Answers whether it was ended.
   */
  public boolean lose(String runId, String message, boolean force) {
    long now = clock.millis();
    boolean lost =
        db.write(
            handle ->
                handle
                        .createUpdate(
                            "UPDATE runs SET status = 'Error', finish_time = :now,"
                                + " last_updated_time = :now, error_message = :message,"
                                + " cleanup_pending = 1 WHERE run_id = :runId AND status IN "
                                + ACTIVE
                                + (force ? "" : " AND lease_until < :now"))
                        .bind("now", now)
                        .bind("message", message)
                        .bind("runId", runId)
                        .execute()
                    > 0);
    wakeups.publish(Wakeups.Topic.LOG);
    return lost;
  }

  /** Runs lost on the engine {@code engine} whose leftovers nobody removed yet. */
  public List<String> leftoversOn(String engine) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id FROM runs WHERE cleanup_pending = 1 AND agent_engine = :engine"
                        + " ORDER BY seq LIMIT 50")
                .bind("engine", engine)
                .mapTo(String.class)
                .list());
  }

  /** Records that what {@code runIds} left on their engine was removed. */
  public void cleaned(Collection<String> runIds) {
    List<String> ids = List.copyOf(runIds);
    if (ids.isEmpty()) {
      return;
    }
    db.write(
        handle ->
            handle
                .createUpdate("UPDATE runs SET cleanup_pending = 0 WHERE run_id IN (<ids>)")
                .bindList("ids", ids)
                .execute());
  }

  /** Active runs per agent id (for the agent list). */
  public Map<String, Integer> activeByAgent() {
    Map<String, Integer> counts = new HashMap<>();
    db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT agent_id, COUNT(*) FROM runs WHERE status IN "
                        + ACTIVE
                        + " AND agent_id IS NOT NULL GROUP BY agent_id")
                .map((rs, ctx) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list());
    return counts;
  }

  /** An active run and the name of the agent holding it. */
  public record LeasedRun(String runId, String agent) {}

  /** How many runs wait for an agent. */
  public long length() {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM runs WHERE status = 'Queued'")
                .mapTo(Long.class)
                .one());
  }
}
