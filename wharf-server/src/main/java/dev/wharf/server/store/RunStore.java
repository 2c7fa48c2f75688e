package dev.wharf.server.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads run records and writes new ones; the queue moves them through their statuses. */
public final class RunStore {
  /** The columns {@link #map} reads. */
  public static final String COLUMNS =
      "run_id, status, run_type, task_name, trigger_kind, platform, timeout_seconds, create_time,"
          + " start_time, finish_time, last_updated_time, agent, error_message, output_images,"
          + " dependencies, steps, log_pruned, trigger_details";

  private final Database db;

  /** A run store over {@code db}. */
  public RunStore(Database db) {
    this.db = db;
  }

  /** Inserts a queued run with the next run ID; must be called inside a write transaction. */
  public static Run insert(
      Handle handle,
      String prefix,
      RunType type,
      String task,
      RunTrigger trigger,
      RunSpec spec,
      String sealedSpec,
      long now) {
    long number =
        handle
            .createQuery(
                "UPDATE counters SET next_value = next_value + 1 WHERE name = 'run'"
                    + " RETURNING next_value")
            .mapTo(Long.class)
            .one();
    String runId = prefix + Long.toString(number, 36);
    handle
        .createUpdate(
            "INSERT INTO runs (seq, run_id, status, run_type, task_name, trigger_kind, platform,"
                + " timeout_seconds, request_sealed, context_blob, create_time, last_updated_time,"
                + " trigger_details) VALUES (:seq, :runId, 'Queued', :type, :task, :trigger,"
                + " :platform, :timeout, :sealed, :upload, :now, :now, :details)")
        .bind("seq", number)
        .bind("runId", runId)
        .bind("type", type.name())
        .bind("task", task)
        .bind("trigger", trigger.label())
        .bind("details", Json.write(trigger))
        .bind("platform", spec.platform())
        .bind("timeout", spec.timeoutSeconds())
        .bind("sealed", sealedSpec)
        .bind("upload", spec.upload())
        .bind("now", now)
        .execute();
    return find(handle, runId).orElseThrow();
  }

  /** The run with this ID. */
  public Optional<Run> find(String runId) {
    return db.read(handle -> find(handle, runId));
  }

  /** The run with this ID, read on {@code handle}. */
  public static Optional<Run> find(Handle handle, String runId) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM runs WHERE run_id = :runId")
        .bind("runId", runId)
        .map(RunStore::map)
        .findOne();
  }

  /** Runs matching {@code filter}, newest first. */
  public List<Run> list(RunFilter filter) {
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
          return query.map(RunStore::map).list();
        });
  }

  /** The newest run of a task. */
  public Optional<Run> lastOfTask(String task) {
    return list(new RunFilter(task, null, null, 1)).stream().findFirst();
  }

  /** How many runs are queued ahead of {@code runId} (0: it is next). */
  public long queuePosition(String runId) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT COUNT(*) FROM runs WHERE status = 'Queued'"
                        + " AND seq < (SELECT seq FROM runs WHERE run_id = :runId)")
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
  public static Run map(ResultSet rs, StatementContext ctx) throws SQLException {
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
        triggerOf(rs.getString("trigger_details")));
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
