package dev.wharf.server.store;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.TriggerState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the triggers remember between checks: timer occurrences dealt with and polled heads. */
public final class TriggerStore {
  private final Database db;

  /** A trigger store over {@code db}. */
  public TriggerStore(Database db) {
    this.db = db;
  }

  /** The last occurrence of a timer that was run or skipped, if any. */
  public Optional<Instant> timerLast(String task, String timer) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT last_occurrence FROM timer_state WHERE task_name = :task"
                        + " AND timer_name = :timer")
                .bind("task", task)
                .bind("timer", timer)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
  }

  /** Records that a timer's occurrences up to {@code occurrence} are dealt with. */
  public void timerDone(String task, String timer, Instant occurrence) {
    db.write(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO timer_state (task_name, timer_name, last_occurrence)"
                        + " VALUES (:task, :timer, :at) ON CONFLICT (task_name, timer_name)"
                        + " DO UPDATE SET last_occurrence = excluded.last_occurrence"
                        + " WHERE timer_state.last_occurrence < excluded.last_occurrence")
                .bind("task", task)
                .bind("timer", timer)
                .bind("at", occurrence.toEpochMilli())
                .execute());
  }

  /** What the commit trigger of a task last saw. */
  public SourceState sourceState(String task) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT last_commit, last_poll, last_poll_error, last_delivery"
                        + " FROM source_trigger_state WHERE task_name = :task")
                .bind("task", task)
                .map(
                    (rs, ctx) ->
                        new SourceState(
                            rs.getString(1),
                            instant(rs.getObject(2)),
                            rs.getString(3),
                            instant(rs.getObject(4))))
                .findOne()
                .orElse(SourceState.NEVER));
  }

  /** Records a poll of a task's repository: the head it found, or why it failed. */
  public void polled(String task, Instant at, String headCommit, String error) {
    upsertSource(task);
    db.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE source_trigger_state SET last_poll = :at, last_poll_error = :error,"
                        + " last_commit = COALESCE(:commit, last_commit) WHERE task_name = :task")
                .bind("at", at.toEpochMilli())
                .bind("error", error)
                .bind("commit", headCommit)
                .bind("task", task)
                .execute());
  }

  /** Records an accepted webhook delivery for a task and the head it announced. */
  public void delivered(String task, Instant at, String headCommit) {
    upsertSource(task);
    db.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE source_trigger_state SET last_delivery = :at,"
                        + " last_commit = COALESCE(:commit, last_commit) WHERE task_name = :task")
                .bind("at", at.toEpochMilli())
                .bind("commit", headCommit)
                .bind("task", task)
                .execute());
  }

  /** Replaces the base images a task tracks with those of its run that just succeeded. */
  public void recordBaseImages(String task, List<BaseImageDependency> dependencies, long now) {
    db.write(
        handle -> {
          handle
              .createUpdate("DELETE FROM base_images WHERE task_name = :task")
              .bind("task", task)
              .execute();
          java.util.Set<String> seen = new java.util.HashSet<>();
          for (BaseImageDependency dependency : dependencies) {
            String tag =
                dependency.tag() == null || dependency.tag().isEmpty()
                    ? "latest"
                    : dependency.tag();
            String registry = dependency.registry() == null ? "" : dependency.registry();
            String image =
                (registry.isEmpty() ? "" : registry + "/") + dependency.repository() + ":" + tag;
            if (dependency.repository() == null || !seen.add(image)) {
              continue;
            }
            handle
                .createUpdate(
                    "INSERT INTO base_images (task_name, image, registry, repository, tag, digest,"
                        + " dependency_type, last_checked) VALUES (:task, :image, :registry,"
                        + " :repository, :tag, :digest, :type, :now)")
                .bind("task", task)
                .bind("image", image)
                .bind("registry", registry)
                .bind("repository", dependency.repository())
                .bind("tag", tag)
                .bind("digest", dependency.digest())
                .bind("type", dependency.type() == null ? "RunTime" : dependency.type())
                .bind("now", now)
                .execute();
          }
          return null;
        });
  }

  /** The base images a task tracks, with the digests its last successful run used. */
  public List<TriggerState.TrackedImage> trackedImages(String task) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT image, digest, dependency_type FROM base_images"
                        + " WHERE task_name = :task ORDER BY image")
                .bind("task", task)
                .map(
                    (rs, ctx) ->
                        new TriggerState.TrackedImage(
                            rs.getString(1), rs.getString(2), rs.getString(3)))
                .list());
  }

  /** Forgets what the triggers of a deleted task remembered. */
  public void forget(String task) {
    db.write(
        handle -> {
          for (String table :
              List.of("timer_state", "source_trigger_state", "base_images", "trigger_claims")) {
            handle
                .createUpdate("DELETE FROM " + table + " WHERE task_name = :task")
                .bind("task", task)
                .execute();
          }
          return null;
        });
  }

  private void upsertSource(String task) {
    db.write(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO source_trigger_state (task_name) VALUES (:task)"
                        + " ON CONFLICT (task_name) DO NOTHING")
                .bind("task", task)
                .execute());
  }

  private static Instant instant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }

  /** The commit trigger's memory of one task. */
  public record SourceState(
      String lastCommit, Instant lastPoll, String lastPollError, Instant lastDelivery) {
    static final SourceState NEVER = new SourceState(null, null, null, null);
  }
}
