package dev.wharf.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.Json;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.Run;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskStatus;
import dev.wharf.api.TaskTriggers;
import dev.wharf.server.auth.Role;
import dev.wharf.server.queue.RunQueue;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.trigger.TriggerSettings;
import dev.wharf.server.trigger.Triggers;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saved tasks: create, PATCH, show, list, delete, and run with overrides. */
final class TaskRoutes {
  private final TaskStore tasks;
  private final RunQueue queue;
  private final Triggers triggers;

  TaskRoutes(TaskStore tasks, RunQueue queue, Triggers triggers) {
    this.tasks = tasks;
    this.queue = queue;
    this.triggers = triggers;
  }

  void register(RoutesConfig routes, Guard guard) {
    routes.get("/api/v1/tasks", guard.require(Role.read, ctx -> ctx.json(tasks.list())));
    routes.post("/api/v1/tasks", guard.require(Role.admin, this::create));
    routes.get("/api/v1/tasks/{name}", guard.require(Role.read, this::show));
    routes.patch("/api/v1/tasks/{name}", guard.require(Role.admin, this::update));
    routes.delete("/api/v1/tasks/{name}", guard.require(Role.admin, this::delete));
    routes.post("/api/v1/tasks/{name}/runs", guard.require(Role.run, this::run));
  }

  private void create(Context ctx) {
    TaskDefinition read = Json.read(RequestBodies.json(ctx), TaskDefinition.class);
    if (read == null) {
      throw new ApiException(400, "the body needs a task");
    }
    TaskDefinition task = ContextCredentials.movedToGitCredential(read);
    TriggerSettings.check(task);
    AgentLabelLimits.check(task.agentLabels());
    if (!tasks.create(task)) {
      throw new ApiException(409, "task " + task.name() + " already exists");
    }
    ctx.status(201).json(tasks.show(task.name()).orElseThrow());
  }

  private void show(Context ctx) {
    String name = ctx.pathParam("name");
    TaskDefinition task =
        tasks.definition(name).orElseThrow(() -> ApiException.notFound("task " + name));
    ctx.json(tasks.show(name).orElseThrow().withTriggerState(triggers.states().of(task)));
  }

  private void update(Context ctx) {
    String name = ctx.pathParam("name");
    TaskDefinition current =
        tasks.definition(name).orElseThrow(() -> ApiException.notFound("task " + name));
    JsonNode patch = Json.read(RequestBodies.json(ctx), JsonNode.class);
    if (patch == null || !patch.isObject()) {
      throw new ApiException(400, "a PATCH body is a JSON object of the fields to change");
    }
    TaskDefinition updated =
        ContextCredentials.movedToGitCredential(patched(current, (ObjectNode) patch));
    TriggerSettings.check(updated);
    AgentLabelLimits.check(updated.agentLabels());
    tasks.update(updated);
    ctx.json(tasks.show(name).orElseThrow());
  }

  private void delete(Context ctx) {
    String name = ctx.pathParam("name");
    if (!tasks.delete(name)) {
      throw ApiException.notFound("task " + name);
    }
    triggers.forget(name);
    ctx.status(204);
  }

  private void run(Context ctx) {
    String name = ctx.pathParam("name");
    TaskDefinition task =
        tasks.definition(name).orElseThrow(() -> ApiException.notFound("task " + name));
    if (task.status() == TaskStatus.Disabled) {
      throw new ApiException(409, "task " + name + " is disabled");
    }
    String body = RequestBodies.json(ctx);
    TaskRunOverrides overrides =
        body.isBlank() ? TaskRunOverrides.none() : Json.read(body, TaskRunOverrides.class);
    ContextCredentials.refuseIn(overrides.context());
    Run run = queue.enqueue(task, RunTrigger.MANUAL, task.runSpec(overrides, Guard.isAdmin(ctx)));
    ctx.status(201).json(run);
  }

  /**
   * {@code current} with the members of {@code patch} applied: {@code source} field by field
   * ({@code null} removes the commit trigger), {@code timers} and {@code baseImage} whole.
   */
  static TaskTriggers patchedTriggers(TaskTriggers current, JsonNode patch) {
    if (!patch.isObject()) {
      throw new ApiException(400, "triggers is a JSON object");
    }
    ObjectNode merged = Json.mapper().valueToTree(current);
    for (String field : List.of("timers", "baseImage")) {
      if (patch.has(field)) {
        merged.set(field, patch.get(field));
      }
    }
    if (patch.has("source")) {
      JsonNode source = patch.get("source");
      if (source.isNull() || !merged.get("source").isObject()) {
        merged.set("source", source);
      } else {
        ObjectNode mergedSource = (ObjectNode) merged.get("source");
        source.properties().forEach(e -> mergedSource.set(e.getKey(), e.getValue()));
      }
    }
    return Json.mapper().convertValue(merged, TaskTriggers.class);
  }

  /**
   * A Dockerfile task's build with {@code patch} applied: given fields replace, {@code arguments}
   * merge by name ({@code "remove": true} removes one), {@code null} makes it a plain task again.
   */
  static JsonNode patchedBuild(JsonNode current, JsonNode patch) {
    if (patch.isNull() || current == null || !current.isObject()) {
      return patch;
    }
    if (!patch.isObject()) {
      throw new ApiException(400, "build is a JSON object");
    }
    ObjectNode merged = ((ObjectNode) current).deepCopy();
    for (String field : List.of("imageNames", "target", "platform", "noPush", "noCache")) {
      if (patch.has(field)) {
        merged.set(field, patch.get(field));
      }
    }
    if (patch.has("arguments")) {
      Map<String, JsonNode> byName = new LinkedHashMap<>();
      current.path("arguments").forEach(a -> byName.put(a.path("name").asText(), a));
      for (JsonNode argument : patch.get("arguments")) {
        String name = argument.path("name").asText();
        if (argument.path("remove").asBoolean(false)) {
          byName.remove(name);
        } else {
          byName.put(name, argument);
        }
      }
      merged.set("arguments", Json.mapper().valueToTree(List.copyOf(byName.values())));
    }
    return merged;
  }

  /** {@code current} with the fields of {@code patch} applied; maps merge, a null entry removes. */
  static TaskDefinition patched(TaskDefinition current, ObjectNode patch) {
    if (patch.has("name") && !patch.get("name").asText().equals(current.name())) {
      throw new ApiException(400, "a task cannot be renamed");
    }
    ObjectNode merged = Json.mapper().valueToTree(current);
    for (String field :
        List.of(
            "context",
            "file",
            "taskText",
            "status",
            "platform",
            "agentPool",
            "agentLabels",
            "valuesFile",
            "gitAccessToken",
            "trusted")) {
      if (patch.has(field)) {
        merged.set(field, patch.get(field));
      }
    }
    if (patch.has("timeoutSeconds")) {
      merged.set("timeoutSeconds", patch.get("timeoutSeconds"));
    }
    for (String field : List.of("values", "secretValues")) {
      if (patch.has(field)) {
        ObjectNode map = (ObjectNode) merged.get(field);
        patch
            .get(field)
            .properties()
            .forEach(
                entry -> {
                  if (entry.getValue().isNull()) {
                    map.remove(entry.getKey());
                  } else {
                    map.set(entry.getKey(), entry.getValue());
                  }
                });
      }
    }
    if (patch.has("build")) {
      merged.set("build", patchedBuild(merged.get("build"), patch.get("build")));
    }
    if (patch.has("file")
        && merged.hasNonNull("build")
        && TaskDefinition.isTaskFile(merged.path("file").asText(null))) {
      // az acr task update keeps a task's kind: -f switches a Dockerfile task's Dockerfile only
      throw new ApiException(
          400,
          "task "
              + current.name()
              + " builds a Dockerfile, and an update keeps a task's kind (as az acr task update):"
              + " -f "
              + merged.path("file").asText()
              + " is a task file, not a Dockerfile; give another Dockerfile, or create a task for"
              + " the task file");
    }
    TaskDefinition result = Json.mapper().convertValue(merged, TaskDefinition.class);
    if (patch.has("credentials")) {
      Map<String, RegistryCredential> byServer = new LinkedHashMap<>();
      current.credentials().forEach(c -> byServer.put(c.loginServer(), c));
      for (JsonNode node : patch.get("credentials")) {
        String server = node.path("loginServer").asText();
        if (node.path("remove").asBoolean(false)) {
          byServer.remove(server);
        } else {
          byServer.put(server, Json.mapper().convertValue(node, RegistryCredential.class));
        }
      }
      result = result.withCredentials(List.copyOf(byServer.values()));
    }
    if (patch.has("triggers")) {
      result = result.withTriggers(patchedTriggers(current.triggers(), patch.get("triggers")));
    }
    return result;
  }
}
