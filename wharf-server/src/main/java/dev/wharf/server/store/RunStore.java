package dev.wharf.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Json;
import dev.wharf.api.OutputImage;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.api.StepTiming;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The runs table: all of its SQL is here. The queue decides when a run moves from one status to the
 * next (and seals its spec); this class says how that is written.
 */
public final class RunStore {
  private static final String ACTIVE = "('Started', 'Running')";

  /** The columns {@link #map} reads. */
  private static final String COLUMNS =
      "run_id, status, run_type, task_name, trigger_kind, platform, timeout_seconds, create_time,"
          + " start_time, finish_time, last_updated_time, agent, error_message, output_images,"
          + " dependencies, steps, log_pruned, agent_pool, trigger_details, agent_labels,"
          + " archived";

  private final Database db;

  /** A run store over {@code db}. */
  public RunStore(Database db) {
    this.db = db;
  }

  /**
   * Inserts {@code run} as a queued run with the next run ID inside the caller's write transaction
   * (many at once).
   */
  public static Run insert(Handle handle, NewRun run) {
    long number =
        handle
            .createQuery(
                "UPDATE counters SET next_value = next_value + 1 WHERE name = 'run'"
                    + " RETURNING next_value")
            .mapTo(Long.class)
            .one();
    String runId = run.prefix() + Long.toString(number, 36);
    handle
        .createUpdate(
            "INSERT INTO runs (seq, run_id, status, run_type, task_name, trigger_kind, platform,"
                + " timeout_seconds, request_sealed, context_blob, create_time, last_updated_time,"
                + " agent_pool, trigger_details, agent_labels)"
                + " VALUES (:seq, :runId, 'Queued', :type, :task, :trigger, :platform, :timeout,"
                + " :sealed, :upload, :now, :now, :pool, :details, :labels)")
        .bind("seq", number)
        .bind("runId", runId)
        .bind("type", run.type().name())
        .bind("task", run.task())
        .bind("trigger", run.trigger().label())
        .bind("details", Json.write(run.trigger()))
        .bind("platform", run.spec().platform())
        .bind("timeout", run.spec().timeoutSeconds())
        .bind("sealed", run.sealedSpec())
        .bind("upload", run.spec().upload())
        .bind("pool", run.agentPool())
        .bind("labels", AgentLabels.stored(run.agentLabels()))
        .bind("now", run.now())
        .execute();
    return find(handle, runId).orElseThrow();
  }

  /** Inserts {@code run} as a queued run with the next run ID in a transaction of its own. */
  public Run insert(NewRun run) {
    return db.write(handle -> insert(handle, run));
  }

  /**
   * Claims the event {@code claimKey} for the run's task and inserts {@code run} in the same
   * transaction; empty when the event was claimed before (here or by another server).
   */
  public Optional<Run> insertOnce(String claimKey, NewRun run) {
    return db.write(
        handle -> {
          int claimed =
              handle
                  .createUpdate(
                      "INSERT INTO trigger_claims (claim_key, task_name, create_time)"
                          + " VALUES (:key, :task, :now) ON CONFLICT (claim_key) DO NOTHING")
                  .bind("key", claimKey)
                  .bind("task", run.task())
                  .bind("now", run.now())
                  .execute();
          if (claimed == 0) {
            return Optional.<Run>empty();
          }
          Run queued = insert(handle, run);
          handle
              .createUpdate("UPDATE trigger_claims SET run_id = :runId WHERE claim_key = :key")
              .bind("runId", queued.runId())
              .bind("key", claimKey)
              .execute();
          return Optional.of(queued);
        });
  }

  /**
   * Moves the oldest queued run of {@code pool} and one of {@code platforms} to {@code Started},
   * leased to agent {@code agentId} until {@code leaseUntil}, and answers it with its sealed spec;
   * empty when nothing is queued for it or another claimant was faster.
   *
   * @param engine where the agent runs it, so that what it leaves there can be removed if it is
   *     lost
   */
  public Optional<Claimed> claimOldest(
      String pool,
      List<String> platforms,
      Map<String, String> agentLabels,
      String agentName,
      String agentId,
      String engine,
      long now,
      long leaseUntil) {
    String pick =
        "SELECT seq FROM runs WHERE status = 'Queued' AND agent_pool = :pool"
            + " AND platform IN (<platforms>) AND "
            + AgentLabels.satisfiedBy(agentLabels.size())
            + " ORDER BY seq LIMIT 1"
            + db.dialect().claimSuffix();
    return db.write(
        handle -> {
          Query query =
              handle.createQuery(pick).bind("pool", pool).bindList("platforms", platforms);
          AgentLabels.bind(query, agentLabels);
          Optional<Long> seq = query.mapTo(Long.class).findOne();
          if (seq.isEmpty()) {
            return Optional.empty();
          }
          int claimed =
              handle
                  .createUpdate(
                      "UPDATE runs SET status = 'Started', agent = :agent, agent_id = :agentId,"
                          + " agent_engine = :engine, start_time = :now, heartbeat_time = :now,"
                          + " lease_until = :lease, last_updated_time = :now"
                          + " WHERE seq = :seq AND status = 'Queued'")
                  .bind("agent", agentName)
                  .bind("agentId", agentId)
                  .bind("engine", engine)
                  .bind("now", now)
                  .bind("lease", leaseUntil)
                  .bind("seq", seq.get())
                  .execute();
          if (claimed == 0) {
            return Optional.empty();
          }
          return handle
              .createQuery("SELECT " + COLUMNS + ", request_sealed FROM runs WHERE seq = :seq")
              .bind("seq", seq.get())
              .map((rs, ctx) -> new Claimed(map(rs, ctx), rs.getString("request_sealed")))
              .findOne();
        });
  }

  /** A claimed run and its spec as sealed in the table. */
  public record Claimed(Run run, String sealedSpec) {}

  /** The sealed specs of every run (for checking that nothing is stored in the clear). */
  public List<String> sealedSpecs() {
    return db.read(
        handle -> handle.createQuery("SELECT request_sealed FROM runs").mapTo(String.class).list());
  }

  /**
   * Moves a run of agent {@code agentId} from {@code Started} to {@code Running} (again: a no-op);
   * false if the run is not that agent's active run.
   */
  public boolean markRunning(String agentId, String runId, long now) {
    return db.write(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE runs SET status = 'Running', last_updated_time = :now"
                            + " WHERE run_id = :runId AND agent_id = :agentId AND status IN "
                            + ACTIVE)
                    .bind("now", now)
                    .bind("runId", runId)
                    .bind("agentId", agentId)
                    .execute()
                > 0);
  }

  /**
   * Extends the lease of {@code agentId} on {@code runIds} to {@code leaseUntil}; answers those of
   * them it no longer holds (they ended, or their lease expired).
   */
  public List<String> renew(String agentId, List<String> runIds, long now, long leaseUntil) {
    if (runIds.isEmpty()) {
      return List.of();
    }
    return db.write(
        handle -> {
          handle
              .createUpdate(
                  "UPDATE runs SET heartbeat_time = :now, lease_until = :lease"
                      + " WHERE agent_id = :agentId AND run_id IN (<ids>) AND status IN "
                      + ACTIVE)
              .bind("now", now)
              .bind("lease", leaseUntil)
              .bind("agentId", agentId)
              .bindList("ids", runIds)
              .execute();
          List<String> held =
              handle
                  .createQuery(
                      "SELECT run_id FROM runs WHERE agent_id = :agentId AND run_id IN (<ids>)"
                          + " AND status IN "
                          + ACTIVE)
                  .bind("agentId", agentId)
                  .bindList("ids", runIds)
                  .mapTo(String.class)
                  .list();
          return runIds.stream().filter(id -> !held.contains(id)).toList();
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
   * Writes the outcome of an active run (of agent {@code agentId}, unless null); false if it had
   * already ended or is another agent's.
   */
  public boolean finish(
      String agentId,
      String runId,
      RunStatus status,
      String errorMessage,
      List<OutputImage> outputImages,
      List<BaseImageDependency> dependencies,
      List<StepTiming> steps,
      long now) {
    return db.write(
        handle -> {
          var update =
              handle
                  .createUpdate(
                      "UPDATE runs SET status = :status, error_message = :error,"
                          + " finish_time = :now, last_updated_time = :now,"
                          + " output_images = :images, image_keys = :keys,"
                          + " dependencies = :deps, steps = :steps"
                          + " WHERE run_id = :runId"
                          + (agentId == null ? "" : " AND agent_id = :agentId")
                          + " AND status IN "
                          + ACTIVE)
                  .bind("status", status.name())
                  .bind("error", errorMessage)
                  .bind("now", now)
                  .bind("images", Json.write(outputImages))
                  .bind("keys", imageKeys(outputImages))
                  .bind("deps", Json.write(dependencies))
                  .bind("steps", Json.write(steps))
                  .bind("runId", runId);
          if (agentId != null) {
            update.bind("agentId", agentId);
          }
          return update.execute() > 0;
        });
  }

  /**
   * Ends a queued run {@code Canceled}, or flags an active one for its agent to stop; answers the
   * run as it is now.
   */
  public Optional<Run> cancel(String runId, long now) {
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
          return find(handle, runId);
        });
  }

  /** The active runs of agent {@code agentId} that somebody asked to cancel. */
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
                    "SELECT run_id, agent, status FROM runs WHERE status IN "
                        + ACTIVE
                        + " AND lease_until < :now")
                .bind("now", now)
                .map((rs, ctx) -> leased(rs))
                .list());
  }

  /**
   * The active runs of the agent called {@code name} held by another process than {@code agentId}
   * (an earlier process of that name).
   */
  public List<LeasedRun> heldByOthers(String name, String agentId) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id, agent, status FROM runs WHERE status IN "
                        + ACTIVE
                        + " AND agent = :name AND agent_id <> :agentId")
                .bind("name", name)
                .bind("agentId", agentId)
                .map((rs, ctx) -> leased(rs))
                .list());
  }

  private static LeasedRun leased(ResultSet rs) throws SQLException {
    return new LeasedRun(rs.getString(1), rs.getString(2), "Started".equals(rs.getString(3)));
  }

  /**
   * An active run and the name of the agent holding it.
   *
   * @param started whether it is still {@code Started}: handed to the agent, which did not say it
   *     began (so nothing of it ran)
   */
  public record LeasedRun(String runId, String agent, boolean started) {}

  /**
   * Puts a {@code Started} run back in the queue, as if it had never been claimed: its agent never
   * began it (it died with the answer of its claim on the way); unless {@code force}, only once its
   * lease expired. Answers whether it was put back.
   */
  public boolean requeue(String runId, boolean force, long now) {
    return db.write(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE runs SET status = 'Queued', agent = NULL, agent_id = NULL,"
                            + " agent_engine = NULL, start_time = NULL, heartbeat_time = NULL,"
                            + " lease_until = NULL, last_updated_time = :now"
                            + " WHERE run_id = :runId AND status = 'Started'"
                            + (force ? "" : " AND lease_until < :now"))
                    .bind("now", now)
                    .bind("runId", runId)
                    .execute()
                > 0);
  }

  /**
   * Ends an active run as {@code Error} with {@code message} because its agent is gone, and marks
   * what it left on its engine for removal; unless {@code force}, only once its lease expired.
   * Answers whether it was ended.
   */
  public boolean lose(String runId, String message, boolean force, long now) {
    return db.write(
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
  public void cleaned(List<String> runIds) {
    if (runIds.isEmpty()) {
      return;
    }
    db.write(
        handle ->
            handle
                .createUpdate("UPDATE runs SET cleanup_pending = 0 WHERE run_id IN (<ids>)")
                .bindList("ids", runIds)
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

  /** How many runs wait for an agent. */
  public long queued() {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM runs WHERE status = 'Queued'")
                .mapTo(Long.class)
                .one());
  }

  /** Runs that ended before {@code cutoff} and still have their log. */
  public List<Expired> expiredLogs(long cutoff) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT run_id, context_blob FROM runs WHERE log_pruned = 0 AND archived = 0"
                        + " AND finish_time IS NOT NULL AND finish_time < :cutoff")
                .bind("cutoff", cutoff)
                .map((rs, ctx) -> new Expired(rs.getString(1), rs.getString(2)))
                .list());
  }

  /** Whether a run uses the uploaded context {@code upload}. */
  public boolean claimsUpload(String upload) {
    return db.read(
            handle ->
                handle
                    .createQuery("SELECT COUNT(*) FROM runs WHERE context_blob = :upload")
                    .bind("upload", upload)
                    .mapTo(Long.class)
                    .one())
        > 0;
  }

  /** A run whose log outlived the retention, with its uploaded context (or null). */
  public record Expired(String runId, String upload) {}

  /** Records that a run's log (and upload) are gone. */
  public void markLogPruned(String runId) {
    db.write(
        handle ->
            handle
                .createUpdate("UPDATE runs SET log_pruned = 1 WHERE run_id = :runId")
                .bind("runId", runId)
                .execute());
  }

  /**
   * Marks a run archived or not ({@code update-run --no-archive}): an archived run's log is not
   * pruned; false when there is no such run.
   */
  public boolean setArchived(String runId, boolean archived) {
    return db.write(
        handle ->
            handle
                    .createUpdate("UPDATE runs SET archived = :archived WHERE run_id = :runId")
                    .bind("archived", archived ? 1 : 0)
                    .bind("runId", runId)
                    .execute()
                > 0);
  }

  /** The run with this ID and its sealed spec (to run it again). */
  public Optional<Claimed> withSealedSpec(String runId) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + ", request_sealed FROM runs WHERE run_id = :runId")
                .bind("runId", runId)
                .map((rs, ctx) -> new Claimed(map(rs, ctx), rs.getString("request_sealed")))
                .findOne());
  }

  /** Whether a run of {@code task} is queued or being executed. */
  public boolean hasActiveRun(String task) {
    return db.read(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM runs WHERE task_name = :task"
                            + " AND status IN ('Queued', 'Started', 'Running')")
                    .bind("task", task)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** Whether a run of {@code task} pushed an image with {@code digest} ({@code sha256:…}). */
  public boolean pushed(String task, String digest) {
    if (!digest.matches("[a-z0-9]+:[a-f0-9]{32,128}")) {
      return false;
    }
    return db.read(
        handle ->
            handle
                    .createQuery(
                        "SELECT COUNT(*) FROM runs WHERE task_name = :task"
                            + " AND output_images LIKE :digest")
                    .bind("task", task)
                    .bind("digest", "%\"" + digest + "\"%")
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** The run with this ID. */
  public Optional<Run> find(String runId) {
    return db.read(handle -> find(handle, runId));
  }

  /** The run with this ID, read on {@code handle}. */
  private static Optional<Run> find(Handle handle, String runId) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM runs WHERE run_id = :runId")
        .bind("runId", runId)
        .map(RunStore::map)
        .findOne();
  }

  /** Runs matching {@code filter}, newest first. */
  public List<Run> list(RunFilter filter) {
    return page(filter, null, null);
  }

  /**
   * Runs matching {@code filter} and, when not null, started by a {@code trigger} of that kind
   * ({@code Manual}, …), newest first, beginning after the run {@code beforeRunId} when it is not
   * null: the pages of a long list, each found through the index without counting the ones before.
   */
  public List<Run> page(RunFilter filter, String trigger, String beforeRunId) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM runs WHERE 1 = 1");
    if (filter.task() != null) {
      sql.append(" AND task_name = :task");
    }
    if (filter.status() != null) {
      sql.append(" AND status = :status");
    }
    if (filter.image() != null) {
      sql.append(" AND image_keys LIKE :image ESCAPE '!'");
    }
    if (trigger != null) {
      sql.append(" AND trigger_kind = :trigger");
    }
    if (beforeRunId != null) {
      sql.append(" AND seq < (SELECT seq FROM runs WHERE run_id = :before)");
    }
    sql.append(" ORDER BY seq DESC LIMIT :top");
    return db.read(
        handle -> {
          Query query = handle.createQuery(sql.toString()).bind("top", filter.top());
          if (filter.task() != null) {
            query.bind("task", filter.task());
          }
          if (filter.status() != null) {
            query.bind("status", filter.status().name());
          }
          if (filter.image() != null) {
            String escaped = filter.image().replaceAll("([!%_])", "!$1");
            query.bind("image", "% " + escaped + " %");
          }
          if (trigger != null) {
            query.bind("trigger", trigger);
          }
          if (beforeRunId != null) {
            query.bind("before", beforeRunId);
          }
          return query.map(RunStore::map).list();
        });
  }

  /** When any run last changed (epoch milliseconds), so that watchers know to look again. */
  public long lastChange() {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT COALESCE(MAX(last_updated_time), 0) FROM runs")
                .mapTo(Long.class)
                .one());
  }

  /** The trigger kinds runs were started by, for the filter of the runs page. */
  public List<String> triggerKinds() {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT DISTINCT trigger_kind FROM runs ORDER BY trigger_kind")
                .mapTo(String.class)
                .list());
  }

  /** The newest run of a task. */
  public Optional<Run> lastOfTask(String task) {
    return list(new RunFilter(task, null, null, 1)).stream().findFirst();
  }

  /** How many runs of its agent pool are queued ahead of {@code runId} (0: it is next). */
  public long queuePosition(String runId) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM runs r, runs me WHERE me.run_id = :runId"
                        + " AND r.status = 'Queued' AND r.agent_pool = me.agent_pool"
                        + " AND r.seq < me.seq")
                .bind("runId", runId)
                .mapTo(Long.class)
                .one());
  }

  /** Number of runs per status (for metrics). */
  public List<StatusCount> countByStatus() {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT status, COUNT(*) AS n FROM runs GROUP BY status")
                .map(
                    (rs, ctx) -> new StatusCount(RunStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list());
  }

  /** How many runs are in one status. */
  public record StatusCount(RunStatus status, long count) {}

  /** The space-separated image keys stored for the image filter of list-runs. */
  public static String imageKeys(List<OutputImage> images) {
    List<String> keys = new ArrayList<>();
    for (OutputImage image : images) {
      String repository = image.repository();
      String full =
          image.registry() == null || image.registry().isEmpty()
              ? repository
              : image.registry() + "/" + repository;
      for (String name : List.of(repository, full)) {
        if (image.tag() != null && !image.tag().isEmpty()) {
          keys.add(name + ":" + image.tag());
        }
        if (image.digest() != null && !image.digest().isEmpty()) {
          keys.add(name + "@" + image.digest());
        }
      }
    }
    return " " + String.join(" ", keys) + " ";
  }

  /** Maps a row selected with {@link #COLUMNS}. */
  private static Run map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Run(
        rs.getString("run_id"),
        RunStatus.valueOf(rs.getString("status")),
        RunType.valueOf(rs.getString("run_type")),
        rs.getString("task_name"),
        rs.getString("trigger_kind"),
        rs.getString("platform"),
        rs.getInt("timeout_seconds"),
        instant(rs, "create_time"),
        instant(rs, "start_time"),
        instant(rs, "finish_time"),
        instant(rs, "last_updated_time"),
        rs.getString("agent"),
        rs.getString("error_message"),
        list(rs.getString("output_images"), new TypeReference<List<OutputImage>>() {}),
        list(rs.getString("dependencies"), new TypeReference<List<BaseImageDependency>>() {}),
        list(rs.getString("steps"), new TypeReference<List<StepTiming>>() {}),
        rs.getInt("log_pruned") != 0,
        null,
        rs.getString("agent_pool"),
        triggerOf(rs.getString("trigger_details")),
        AgentLabels.read(rs.getString("agent_labels")),
        rs.getInt("archived") != 0);
  }

  /** Runs queued before triggers were recorded carry only their label: they were all manual. */
  private static RunTrigger triggerOf(String json) {
    return json == null ? RunTrigger.MANUAL : Json.read(json, RunTrigger.class);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static <T> List<T> list(String json, TypeReference<List<T>> type) {
    List<T> items = Json.read(json, type);
    return items == null ? List.of() : items;
  }
}
