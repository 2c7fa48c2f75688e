package dev.wharf.server.store;

import dev.wharf.api.BaseImageDependency;
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
  public List<TrackedBase> trackedImages(String task) {
    return db.read(
        handle ->
            handle
                .createQuery(TRACKED + " WHERE task_name = :task ORDER BY image")
                .bind("task", task)
                .map((rs, ctx) -> trackedBase(rs))
                .list());
  }

  /** The base images every task tracks. */
  public List<TrackedBase> allTrackedImages() {
    return db.read(
        handle ->
            handle
                .createQuery(TRACKED + " ORDER BY task_name, image")
                .map((rs, ctx) -> trackedBase(rs))
                .list());
  }

  private static final String TRACKED =
      "SELECT task_name, image, registry, repository, tag, digest, dependency_type"
          + " FROM base_images";

  private static TrackedBase trackedBase(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new TrackedBase(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7));
  }

  /**
   * Records that a registry said (or polling found) that a tag points to {@code digest} at {@code
   * at}; an older statement than the one recorded changes nothing, so a replayed notification
   * cannot move a tag back.
   *
   * @param registry the registry's normalised host
   * @param source {@code notification} or {@code poll}
   */
  public void tagSeen(
      String registry, String repository, String tag, String digest, Instant at, String source) {
    upsertTag(registry, repository, tag);
    db.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE image_tags SET digest = :digest, seen_time = :at, source = :source"
                        + " WHERE registry = :registry AND repository = :repository AND tag = :tag"
                        + " AND (seen_time IS NULL OR seen_time <= :at)")
                .bind("digest", digest)
                .bind("at", at.toEpochMilli())
                .bind("source", source)
                .bind("registry", registry)
                .bind("repository", repository)
                .bind("tag", tag)
                .execute());
  }

  /** Records a poll of a tag's manifest: when, and why it failed (null when it worked). */
  public void tagPolled(String registry, String repository, String tag, Instant at, String error) {
    upsertTag(registry, repository, tag);
    db.write(
        handle ->
            handle
                .createUpdate(
                    "UPDATE image_tags SET last_poll = :at, last_poll_error = :error"
                        + " WHERE registry = :registry AND repository = :repository AND tag = :tag")
                .bind("at", at.toEpochMilli())
                .bind("error", error)
                .bind("registry", registry)
                .bind("repository", repository)
                .bind("tag", tag)
                .execute());
  }

  /** What is known of every tag the registries told of or polling asked about. */
  public List<TagState> tagStates() {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT registry, repository, tag, digest, seen_time, source, last_poll,"
                        + " last_poll_error FROM image_tags")
                .map(
                    (rs, ctx) ->
                        new TagState(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            instant(rs.getObject(5)),
                            rs.getString(6),
                            instant(rs.getObject(7)),
                            rs.getString(8)))
                .list());
  }

  private void upsertTag(String registry, String repository, String tag) {
    db.write(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO image_tags (registry, repository, tag)"
                        + " VALUES (:registry, :repository, :tag)"
                        + " ON CONFLICT (registry, repository, tag) DO NOTHING")
                .bind("registry", registry)
                .bind("repository", repository)
                .bind("tag", tag)
                .execute());
  }

  /** Whether an event's claim key was taken (a run was queued for it, or it was set aside). */
  public boolean claimed(String claimKey) {
    return db.read(
        handle ->
            handle
                    .createQuery("SELECT COUNT(*) FROM trigger_claims WHERE claim_key = :key")
                    .bind("key", claimKey)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /**
   * Takes an event's claim key without queuing a run, so that an event that must not run (a task's
   * own image coming back to it) is decided once; false if it was already taken.
   */
  public boolean claimWithoutRun(String claimKey, String task, long now) {
    return db.write(
        handle ->
            handle
                    .createUpdate(
                        "INSERT INTO trigger_claims (claim_key, task_name, create_time)"
                            + " VALUES (:key, :task, :now) ON CONFLICT (claim_key) DO NOTHING")
                    .bind("key", claimKey)
                    .bind("task", task)
                    .bind("now", now)
                    .execute()
                > 0);
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

  /**
   * A base image a task tracks, as its last successful run used it.
   *
   * @param image {@code registry/repository:tag} as the run named it
   * @param registry the registry as the run named it (empty: Docker Hub)
   * @param digest the digest the run used, null when the engine knew none (a local image)
   * @param type {@code RunTime} or {@code BuildTime}
   */
  public record TrackedBase(
      String task,
      String image,
      String registry,
      String repository,
      String tag,
      String digest,
      String type) {}

  /**
   * What is known of one tag in a registry.
   *
   * @param registry the registry's normalised host
   * @param digest the digest it points to, null until a notification or a poll said
   * @param seen when that was said
   * @param source {@code notification} or {@code poll}
   */
  public record TagState(
      String registry,
      String repository,
      String tag,
      String digest,
      Instant seen,
      String source,
      Instant lastPoll,
      String lastPollError) {}

  /** The commit trigger's memory of one task. */
  public record SourceState(
      String lastCommit, Instant lastPoll, String lastPollError, Instant lastDelivery) {
    static final SourceState NEVER = new SourceState(null, null, null, null);
  }
}
