package dev.wharf.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.TaskStore;
import dev.wharf.server.trigger.TriggerSettings;
import dev.wharf.server.trigger.Triggers;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** A task's timers ({@code az acr task timer}): list, add, update, remove. */
final class TimerRoutes {
  private final TaskStore tasks;
  private final Triggers triggers;

  TimerRoutes(TaskStore tasks, Triggers triggers) {
    this.tasks = tasks;
    this.triggers = triggers;
  }

  void register(RoutesConfig routes, Guard guard) {
    routes.get("/api/v1/tasks/{name}/timers", guard.require(Role.read, this::list));
    routes.post("/api/v1/tasks/{name}/timers", guard.require(Role.admin, this::add));
    routes.patch("/api/v1/tasks/{name}/timers/{timer}", guard.require(Role.admin, this::update));
    routes.delete("/api/v1/tasks/{name}/timers/{timer}", guard.require(Role.admin, this::remove));
  }

  private void list(Context ctx) {
    ctx.json(triggers.states().of(task(ctx)).timers());
  }

  private void add(Context ctx) {
    TaskDefinition task = task(ctx);
    TimerTrigger timer = Json.read(RequestBodies.json(ctx), TimerTrigger.class);
    if (timer == null || timer.name() == null) {
      throw new ApiException(400, "the body needs a timer: {\"name\", \"schedule\", \"enabled\"}");
    }
    List<TimerTrigger> timers = new ArrayList<>(task.triggers().timers());
    if (timers.stream().anyMatch(t -> t.name().equals(timer.name()))) {
      throw new ApiException(
          409, "task " + task.name() + " already has a timer named " + timer.name());
    }
    timers.add(timer);
    ctx.status(201).json(save(task, timers));
  }

  private void update(Context ctx) {
    TaskDefinition task = task(ctx);
    String name = ctx.pathParam("timer");
    JsonNode patch = Json.read(RequestBodies.json(ctx), JsonNode.class);
    if (patch == null || !patch.isObject()) {
      throw new ApiException(400, "a PATCH body is a JSON object: {\"schedule\", \"enabled\"}");
    }
    List<TimerTrigger> timers = new ArrayList<>();
    boolean found = false;
    for (TimerTrigger timer : task.triggers().timers()) {
      if (timer.name().equals(name)) {
        found = true;
        timer =
            new TimerTrigger(
                name,
                patch.has("schedule") ? patch.get("schedule").asText() : timer.schedule(),
                patch.has("enabled") ? patch.get("enabled").asBoolean() : timer.enabled());
      }
      timers.add(timer);
    }
    if (!found) {
      throw ApiException.notFound("timer " + name + " of task " + task.name());
    }
    ctx.json(save(task, timers));
  }

  private void remove(Context ctx) {
    TaskDefinition task = task(ctx);
    String name = ctx.pathParam("timer");
    List<TimerTrigger> timers = new ArrayList<>(task.triggers().timers());
    if (!timers.removeIf(t -> t.name().equals(name))) {
      throw ApiException.notFound("timer " + name + " of task " + task.name());
    }
    ctx.json(save(task, timers));
  }

  private Object save(TaskDefinition task, List<TimerTrigger> timers) {
    TaskDefinition updated = task.withTriggers(task.triggers().withTimers(timers));
    TriggerSettings.check(updated);
    tasks.update(updated);
    return tasks.show(task.name()).orElseThrow().withTriggerState(triggers.states().of(updated));
  }

  private TaskDefinition task(Context ctx) {
    String name = ctx.pathParam("name");
    return tasks.definition(name).orElseThrow(() -> ApiException.notFound("task " + name));
  }
}
