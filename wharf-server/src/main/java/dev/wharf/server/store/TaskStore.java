package dev.wharf.server.store;

import dev.wharf.api.BuildArgument;
import dev.wharf.api.DockerBuildStep;
import dev.wharf.api.Json;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.Task;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Saved tasks; values, secret values, credentials, the git token and secret build arguments are
 * sealed with the server key.
 */
public final class TaskStore {
  private final Database db;
  private final SecretBox box;
  private final Clock clock;

  /** A task store over {@code db}, sealing with {@code box}. */
  public TaskStore(Database db, SecretBox box, Clock clock) {
    this.db = db;
    this.box = box;
    this.clock = clock;
  }

  /** Saves a new task; false if the name is taken. */
  public boolean create(TaskDefinition task) {
    long now = clock.millis();
    return db.write(
        handle -> {
          if (exists(handle, task.name())) {
            return false;
          }
          handle
              .createUpdate(
                  "INSERT INTO tasks (name, status, definition, secure_sealed, create_time,"
                      + " update_time) VALUES (:name, :status, :definition, :sealed, :now, :now)")
              .bind("name", task.name())
              .bind("status", task.status().name())
              .bind("definition", Json.write(open(task)))
              .bind("sealed", box.seal(Json.write(secure(task))))
              .bind("now", now)
              .execute();
          return true;
        });
  }

  /** Replaces a task's definition; false if there is no such task. */
  public boolean update(TaskDefinition task) {
    return db.write(
        handle ->
            handle
                    .createUpdate(
                        "UPDATE tasks SET status = :status, definition = :definition,"
                            + " secure_sealed = :sealed, update_time = :now WHERE name = :name")
                    .bind("name", task.name())
                    .bind("status", task.status().name())
                    .bind("definition", Json.write(open(task)))
                    .bind("sealed", box.seal(Json.write(secure(task))))
                    .bind("now", clock.millis())
                    .execute()
                > 0);
  }

  /** Deletes a task; false if there was none. */
  public boolean delete(String name) {
    return db.write(
        handle ->
            handle.createUpdate("DELETE FROM tasks WHERE name = :name").bind("name", name).execute()
                > 0);
  }

  /** The whole definition, secrets included, for running or patching the task. */
  public Optional<TaskDefinition> definition(String name) {
    return db.read(
        handle ->
            handle
                .createQuery("SELECT definition, secure_sealed FROM tasks WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> combine(rs.getString(1), rs.getString(2)))
                .findOne());
  }

  /** The task as shown to callers. */
  public Optional<Task> show(String name) {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT definition, secure_sealed, create_time, update_time FROM tasks"
                        + " WHERE name = :name")
                .bind("name", name)
                .map(
                    (rs, ctx) ->
                        combine(rs.getString(1), rs.getString(2))
                            .shown(
                                Instant.ofEpochMilli(rs.getLong(3)),
                                Instant.ofEpochMilli(rs.getLong(4))))
                .findOne());
  }

  /** All tasks by name. */
  public List<Task> list() {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT definition, secure_sealed, create_time, update_time FROM tasks"
                        + " ORDER BY name")
                .map(
                    (rs, ctx) ->
                        combine(rs.getString(1), rs.getString(2))
                            .shown(
                                Instant.ofEpochMilli(rs.getLong(3)),
                                Instant.ofEpochMilli(rs.getLong(4))))
                .list());
  }

  /** Every task's whole definition with the time it last changed, for the triggers. */
  public List<SavedTask> all() {
    return db.read(
        handle ->
            handle
                .createQuery(
                    "SELECT definition, secure_sealed, update_time FROM tasks ORDER BY name")
                .map(
                    (rs, ctx) ->
                        new SavedTask(
                            combine(rs.getString(1), rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3))))
                .list());
  }

  /** A task's definition and when it last changed. */
  public record SavedTask(TaskDefinition definition, Instant updateTime) {}

  private static boolean exists(Handle handle, String name) {
    return handle
            .createQuery("SELECT COUNT(*) FROM tasks WHERE name = :name")
            .bind("name", name)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private TaskDefinition combine(String definition, String sealed) {
    TaskDefinition open = Json.read(definition, TaskDefinition.class);
    Secure secure = Json.read(box.open(sealed), Secure.class);
    return open.toBuilder()
        .values(secure.values())
        .secretValues(secure.secretValues())
        .credentials(secure.credentials())
        .triggers(withSecret(open.triggers(), secure.webhookSecret()))
        .gitAccessToken(secure.gitAccessToken())
        .dockerBuild(withSecretArguments(open.build(), secure.secretArguments()))
        .build();
  }

  /** {@code build} with the sealed values of its secret arguments put back. */
  private static DockerBuildStep withSecretArguments(
      DockerBuildStep build, Map<String, String> sealed) {
    if (build == null) {
      return null;
    }
    Map<String, String> values = sealed == null ? Map.of() : sealed;
    return build.withArguments(
        build.arguments().stream()
            .map(a -> a.secret() ? new BuildArgument(a.name(), values.get(a.name()), true) : a)
            .toList());
  }

  private static TaskTriggers withSecret(TaskTriggers triggers, String secret) {
    TaskTriggers.SourceTrigger source = triggers.source();
    if (source == null) {
      return triggers;
    }
    return new TaskTriggers(
        new TaskTriggers.SourceTrigger(
            source.commitEnabled(),
            source.pullRequestEnabled(),
            source.branch(),
            source.pollIntervalSeconds(),
            secret,
            false),
        triggers.timers(),
        triggers.baseImage());
  }

  private static TaskDefinition open(TaskDefinition task) {
    return task.toBuilder()
        .values(null)
        .secretValues(null)
        .credentials(null)
        .triggers(withSecret(task.triggers(), null))
        .gitAccessToken(null)
        .dockerBuild(task.build() == null ? null : task.build().shown())
        .build();
  }

  private static Secure secure(TaskDefinition task) {
    TaskTriggers.SourceTrigger source = task.triggers().source();
    return new Secure(
        task.values(),
        task.secretValues(),
        task.credentials(),
        source == null ? null : source.webhookSecret(),
        task.gitAccessToken(),
        secretArguments(task.build()));
  }

  private static Map<String, String> secretArguments(DockerBuildStep build) {
    Map<String, String> values = new LinkedHashMap<>();
    if (build != null) {
      build.arguments().stream()
          .filter(BuildArgument::secret)
          .forEach(a -> values.put(a.name(), a.value() == null ? "" : a.value()));
    }
    return values;
  }

  /** The sealed part of a task. */
  record Secure(
      Map<String, String> values,
      Map<String, String> secretValues,
      List<RegistryCredential> credentials,
      String webhookSecret,
      String gitAccessToken,
      Map<String, String> secretArguments) {}
}
