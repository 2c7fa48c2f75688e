package dev.wharf.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.Json;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.TaskDefinition;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.TaskStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's logins to other registries ({@code az acr task credential}): add, update, remove, and a
 * list of login servers only; usernames and passwords are write-only, sealed with the task.
 */
final class CredentialRoutes {
  private final TaskStore tasks;

  CredentialRoutes(TaskStore tasks) {
    this.tasks = tasks;
  }

  void register(RoutesConfig routes, Guard guard) {
    routes.get("/api/v1/tasks/{name}/credentials", guard.require(Role.read, this::list));
    routes.post("/api/v1/tasks/{name}/credentials", guard.require(Role.admin, this::add));
    routes.put(
        "/api/v1/tasks/{name}/credentials/{server}", guard.require(Role.admin, this::update));
    routes.delete(
        "/api/v1/tasks/{name}/credentials/{server}", guard.require(Role.admin, this::remove));
  }

  private void list(Context ctx) {
    ctx.json(task(ctx).credentials().stream().map(RegistryCredential::loginServer).toList());
  }

  private void add(Context ctx) {
    TaskDefinition task = task(ctx);
    RegistryCredential login = login(Json.read(RequestBodies.json(ctx), JsonNode.class), null);
    List<RegistryCredential> logins = new ArrayList<>(task.credentials());
    if (logins.stream().anyMatch(c -> c.loginServer().equals(login.loginServer()))) {
      throw new ApiException(
          409,
          "task "
              + task.name()
              + " already has a login to "
              + login.loginServer()
              + "; change it with credential update");
    }
    logins.add(login);
    ctx.status(201).json(save(task, logins));
  }

  private void update(Context ctx) {
    TaskDefinition task = task(ctx);
    String server = ctx.pathParam("server");
    JsonNode body = Json.read(RequestBodies.json(ctx), JsonNode.class);
    List<RegistryCredential> logins = new ArrayList<>();
    boolean found = false;
    for (RegistryCredential login : task.credentials()) {
      if (login.loginServer().equals(server)) {
        found = true;
        login = login(body, login);
      }
      logins.add(login);
    }
    if (!found) {
      throw ApiException.notFound("login to " + server + " of task " + task.name());
    }
    ctx.json(save(task, logins));
  }

  private void remove(Context ctx) {
    TaskDefinition task = task(ctx);
    String server = ctx.pathParam("server");
    List<RegistryCredential> logins = new ArrayList<>(task.credentials());
    if (!logins.removeIf(c -> c.loginServer().equals(server))) {
      throw ApiException.notFound("login to " + server + " of task " + task.name());
    }
    ctx.json(save(task, logins));
  }

  /**
   * The login a body describes; for an update, {@code current} gives what the body leaves out (its
   * login server always).
   */
  private static RegistryCredential login(JsonNode body, RegistryCredential current) {
    if (body == null || !body.isObject()) {
      throw new ApiException(
          400, "the body is a JSON object: {\"loginServer\", \"username\", \"password\"}");
    }
    String server = current != null ? current.loginServer() : text(body, "loginServer", null);
    String username = text(body, "username", current == null ? null : current.username());
    String password = text(body, "password", current == null ? null : current.password());
    if (server == null || server.isBlank() || username == null || password == null) {
      throw new ApiException(400, "a login needs a login server, a username and a password");
    }
    return new RegistryCredential(server, username, password);
  }

  private static String text(JsonNode body, String field, String otherwise) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? otherwise : value.asText();
  }

  private List<String> save(TaskDefinition task, List<RegistryCredential> logins) {
    tasks.update(task.withCredentials(logins));
    return logins.stream().map(RegistryCredential::loginServer).toList();
  }

  private TaskDefinition task(Context ctx) {
    String name = ctx.pathParam("name");
    return tasks.definition(name).orElseThrow(() -> ApiException.notFound("task " + name));
  }
}
