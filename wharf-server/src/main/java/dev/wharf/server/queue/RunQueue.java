package dev.wharf.server.queue;

import dev.wharf.server.store.BaseImageDependency;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.Json;
import dev.wharf.server.store.OutputImage;
import dev.wharf.server.store.Run;
import dev.wharf.server.store.RunSpec;
import dev.wharf.server.store.RunStatus;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.RunTrigger;
import dev.wharf.server.store.RunType;
import dev.wharf.server.store.SecretBox;
import dev.wharf.server.store.StepTiming;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The queue of runs, kept in the runs table: enqueue, claim (exactly one claimant, also across
 * servers sharing a database), heartbeat, cancel and finish.
 */
public final class RunQueue {
  private static final Pattern PREFIX = Pattern.compile("[a-z]{2}");
  private static final String ACTIVE = "('Started', 'Running')";

  private final Database db;
  private final SecretBox box;
  private final String prefix;
  private final Clock clock;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** A queue whose run IDs start with {@code prefix} (two lower-case letters). */
  public RunQueue(Database db, SecretBox box, String prefix, Clock clock) {
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("a run ID prefix is two lower-case letters: " + prefix);
    }
    this.db = db;
    this.box = box;
    this.prefix = prefix;
    this.clock = clock;
  }

  /** Calls {@code listener} after each enqueue, so that idle local agents wake at once. */
  public void onEnqueue(Runnable listener) {
    listeners.add(listener);
  }

  /** Queues a run of {@code spec}; secrets in the spec are sealed before storage. */
  public Run enqueue(RunType type, String task, RunTrigger trigger, RunSpec spec) {
    String sealed = box.seal(Json.write(spec));
    Run run =
        db.write(
            handle ->
                RunStore.insert(handle, prefix, type, task, trigger, spec, sealed, clock.millis()));
    listeners.forEach(Runnable::run);
    return run;
  }

  /**
   * Queues a run of a task for an event identified by {@code claimKey} (a timer occurrence, a
   * commit, a new digest), unless a run was already queued for it, here or by another server on the
   * same database. Answers the run queued now, empty if the event had been claimed.
   */
  public Optional<Run> enqueueOnce(
      String claimKey, RunType type, String task, RunTrigger trigger, RunSpec spec) {
    String sealed = box.seal(Json.write(spec));
    long now = clock.millis();
    Optional<Run> run =
        db.write(
            handle -> {
              int claimed =
                  handle
                      .createUpdate(
                          "INSERT INTO trigger_claims (claim_key, task_name, create_time)"
                              + " VALUES (:key, :task, :now) ON CONFLICT (claim_key) DO NOTHING")
                      .bind("key", claimKey)
                      .bind("task", task)
                      .bind("now", now)
                      .execute();
              if (claimed == 0) {
                return Optional.<Run>empty();
              }
              Run queued = RunStore.insert(handle, prefix, type, task, trigger, spec, sealed, now);
              handle
                  .createUpdate("UPDATE trigger_claims SET run_id = :runId WHERE claim_key = :key")
                  .bind("runId", queued.runId())
                  .bind("key", claimKey)
                  .execute();
              return Optional.of(queued);
            });
    if (run.isPresent()) {
      listeners.forEach(Runnable::run);
    }
    return run;
  }

  /** Claims the oldest queued run for {@code agent}, moving it to {@code Started}. */
  public Optional<ClaimedRun> claim(String agent) {
    String pick =
        "SELECT seq FROM runs WHERE status = 'Queued' ORDER BY seq LIMIT 1"
            + db.dialect().claimSuffix();
    return db.write(
        handle -> {
          Optional<Long> seq = handle.createQuery(pick).mapTo(Long.class).findOne();
          if (seq.isEmpty()) {
            return Optional.empty();
          }
          long now = clock.millis();
          int claimed =
              handle
                  .createUpdate(
                      "UPDATE runs SET status = 'Started', agent = :agent, start_time = :now,"
                          + " heartbeat_time = :now, last_updated_time = :now"
                          + " WHERE seq = :seq AND status = 'Queued'")
                  .bind("agent", agent)
                  .bind("now", now)
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

  /** Moves a claimed run from {@code Started} to {@code Running}. */
  public void markRunning(String runId) {
    db.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE runs SET status = 'Running', last_updated_time = :now"
                        + " WHERE run_id = :runId AND status = 'Started'")
                .bind("now", clock.millis())
                .bind("runId", runId)
                .execute());
  }

  /** Records that {@code agent} is still working on {@code runIds}. */
  public void heartbeat(String agent, Collection<String> runIds) {
    // a copy, since the caller's live set may empty between the check and the bind
    List<String> ids = List.copyOf(runIds);
    if (ids.isEmpty()) {
      return;
    }
    db.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE runs SET heartbeat_time = :now WHERE agent = :agent"
                        + " AND run_id IN (<ids>) AND status IN "
                        + ACTIVE)
                .bind("now", clock.millis())
                .bind("agent", agent)
                .bindList("ids", ids)
                .execute());
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
    if (!status.isTerminal()) {
      throw new IllegalArgumentException("not a final status: " + status);
    }
    long now = clock.millis();
    return db.write(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE runs SET status = :status, error_message = :error,"
                            + " finish_time = :now, last_updated_time = :now,"
                            + " output_images = :images, image_keys = :keys,"
                            + " dependencies = :deps, steps = :steps"
                            + " WHERE run_id = :runId AND status IN "
                            + ACTIVE)
                    .bind("status", status.name())
                    .bind("error", errorMessage)
                    .bind("now", now)
                    .bind("images", Json.write(outputImages))
                    .bind("keys", RunStore.imageKeys(outputImages))
                    .bind("deps", Json.write(dependencies))
                    .bind("steps", Json.write(steps))
                    .bind("runId", runId)
                    .execute()
                > 0);
  }

  /**
   * Cancels a run: a queued one ends {@code Canceled} at once, an active one is flagged for its
   * agent to stop. Answers the run as it is now, empty if there is no such run.
   */
  public Optional<Run> cancel(String runId) {
    long now = clock.millis();
    return db.write(
        handle -> {
          int canceled =
              handle
                  .createUpdate(
                      "UPDATE runs SET status = 'Canceled', finish_time = :now,"
                          + " last_updated_time = :now, error_message = 'canceled while queued'"
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
  }

  /** Which of {@code runIds} somebody asked to cancel. */
  public List<String> cancelRequested(Collection<String> runIds) {
    List<String> ids = List.copyOf(runIds);
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id FROM runs WHERE cancel_requested = 1 AND run_id IN (<ids>)")
                .bindList("ids", ids)
                .mapTo(String.class)
                .list());
  }

  /**
   * Ends as {@code Error} the active runs whose agent is gone: those of {@code agent} (this server
   * restarted) and those whose agent has not sent a heartbeat since {@code staleBefore}. Answers
   * their run IDs.
   */
  public List<String> failLost(String agent, long staleBefore) {
    long now = clock.millis();
    return db.write(
        handle -> {
          List<String> lost =
              handle
                  .createQuery(
                      "SELECT run_id FROM runs WHERE status IN "
                          + ACTIVE
                          + " AND (agent = :agent OR heartbeat_time < :stale)"
                          + db.dialect().claimSuffix())
                  .bind("agent", agent)
                  .bind("stale", staleBefore)
                  .mapTo(String.class)
                  .list();
          if (lost.isEmpty()) {
            return lost;
          }
          handle
              .createUpdate(
                  "UPDATE runs SET status = 'Error', finish_time = :now, last_updated_time = :now,"
                      + " error_message = :message WHERE run_id IN (<ids>) AND status IN "
                      + ACTIVE)
              .bind("now", now)
              .bind(
                  "message",
                  "the agent executing this run stopped before it finished (server restarted or"
                      + " agent lost)")
              .bindList("ids", lost)
              .execute();
          return lost;
        });
  }

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
