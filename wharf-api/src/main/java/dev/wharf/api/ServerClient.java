package dev.wharf.api;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The Wharf server's API for the command line: quick runs, live logs, runs and tasks. */
public final class ServerClient {
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int FOLLOW_ATTEMPTS = 5;

  private final URI base;
  private final String token;
  private final HttpClient http;

  /** A client of the server at {@code base} (e.g. {@code http://127.0.0.1:8423}). */
  public ServerClient(URI base, String token) {
    String url = base.toString();
    this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Uploads a tar.gz context and answers its upload id. */
  public String upload(Path contextArchive) {
    try {
      HttpRequest request =
          request("/api/v1/uploads")
              .header("Content-Type", "application/gzip")
              .POST(HttpRequest.BodyPublishers.ofFile(contextArchive))
              .build();
      return json(send(request), Upload.class).upload();
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("no context archive at " + contextArchive, e);
    }
  }

  /** Queues a quick run (or build) of {@code spec}. */
  public Run queue(RunType type, RunSpec spec) {
    return queue(new QuickRunRequest(type, spec, null));
  }

  /** Queues a quick run (or build), on the agent pool the request names. */
  public Run queue(QuickRunRequest request) {
    return json(send(post("/api/v1/runs", request)), Run.class);
  }

  /** Uploads {@code contextArchive} (tar.gz) and queues a quick run of {@code spec} on it. */
  public Run queue(RunType type, Path contextArchive, RunSpec spec) {
    return queue(type, contextArchive, spec, null, Map.of());
  }

  /**
   * Uploads {@code contextArchive} (tar.gz) and queues a quick run of {@code spec} on it, for the
   * agents of {@code agentPool} (null: the default pool) that have {@code agentLabels}.
   */
  public Run queue(
      RunType type,
      Path contextArchive,
      RunSpec spec,
      String agentPool,
      Map<String, String> agentLabels) {
    String upload = upload(contextArchive);
    return queue(new QuickRunRequest(type, spec.withUpload(upload), agentPool, agentLabels));
  }

  /** One run. */
  public Run run(String runId) {
    return json(send(get("/api/v1/runs/" + encode(runId))), Run.class);
  }

  /** Runs matching {@code filter}, newest first. */
  public List<Run> runs(RunFilter filter) {
    StringBuilder query = new StringBuilder("?top=").append(filter.top());
    if (filter.task() != null) {
      query.append("&task=").append(encode(filter.task()));
    }
    if (filter.status() != null) {
      query.append("&status=").append(filter.status());
    }
    if (filter.image() != null) {
      query.append("&image=").append(encode(filter.image()));
    }
    return json(send(get("/api/v1/runs" + query)), new TypeReference<List<Run>>() {});
  }

  /** Cancels a run; answers it as it is now. */
  public Run cancel(String runId) {
    return json(send(post("/api/v1/runs/" + encode(runId) + "/cancel", Map.of())), Run.class);
  }

  /** Marks a run archived (its log kept past the retention) or not; the run as it is now. */
  public Run updateRun(String runId, boolean archived) {
    return json(
        send(
            request("/api/v1/runs/" + encode(runId))
                .header("Content-Type", "application/json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(Json.write(Map.of("archived", archived))))
                .build()),
        Run.class);
  }

  /** The login servers of a task's registry logins (the logins themselves are write-only). */
  public List<String> credentials(String task) {
    return json(
        send(get("/api/v1/tasks/" + encode(task) + "/credentials")),
        new TypeReference<List<String>>() {});
  }

  /** Adds a registry login to a task; answers its login servers. */
  public List<String> addCredential(String task, RegistryCredential login) {
    return json(
        send(post("/api/v1/tasks/" + encode(task) + "/credentials", login)),
        new TypeReference<List<String>>() {});
  }

  /**
   * Changes the username and/or password (null: unchanged) of a task's login to {@code
   * loginServer}; answers its login servers.
   */
  public List<String> updateCredential(
      String task, String loginServer, String username, String password) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (username != null) {
      fields.put("username", username);
    }
    if (password != null) {
      fields.put("password", password);
    }
    return json(
        send(
            request("/api/v1/tasks/" + encode(task) + "/credentials/" + encode(loginServer))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(fields)))
                .build()),
        new TypeReference<List<String>>() {});
  }

  /** Removes a task's login to {@code loginServer}; answers the login servers left. */
  public List<String> removeCredential(String task, String loginServer) {
    return json(
        send(
            request("/api/v1/tasks/" + encode(task) + "/credentials/" + encode(loginServer))
                .DELETE()
                .build()),
        new TypeReference<List<String>>() {});
  }

  /** The stored log of a run so far. */
  public String log(String runId) {
    return send(get("/api/v1/runs/" + encode(runId) + "/logs"));
  }

  /** The stored log of a task's last run. */
  public String taskLog(String task) {
    return send(get("/api/v1/tasks/" + encode(task) + "/logs"));
  }

  /**
   * Streams a run's log to {@code lines} from the start until the run ends, resuming after a
   * dropped connection, and answers the run's final status.
   */
  public RunStatus follow(String runId, Consumer<String> lines) {
    long offset = 0;
    for (int attempt = 1; ; attempt++) {
      HttpRequest request =
          request("/api/v1/runs/" + encode(runId) + "/logs?follow=true&offset=" + offset)
              .timeout(Duration.ofDays(1))
              .GET()
              .build();
      try {
        HttpResponse<Stream<String>> response =
            http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() >= 300) {
          String body = String.join("\n", response.body().toList());
          throw failure(response.statusCode(), body);
        }
        try (Stream<String> body = response.body()) {
          for (String line : (Iterable<String>) body::iterator) {
            lines.accept(line);
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
          }
        }
        RunStatus status = run(runId).status();
        if (status.isTerminal()) {
          return status;
        }
        if (attempt >= FOLLOW_ATTEMPTS) {
          throw new ServerException(
              "the log stream of " + runId + " ended before the run did", null);
        }
      } catch (IOException | UncheckedIOException e) {
        if (attempt >= FOLLOW_ATTEMPTS) {
          throw new ServerException("lost the log stream of " + runId + ": " + e.getMessage(), e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServerException("interrupted while following " + runId, e);
      }
    }
  }

  /** The agents attached to the server. */
  public List<AgentWire.AgentInfo> agents() {
    return json(send(get("/api/v1/agents")), new TypeReference<List<AgentWire.AgentInfo>>() {});
  }

  /** Creates a task. */
  public Task createTask(TaskDefinition task) {
    return json(send(post("/api/v1/tasks", task)), Task.class);
  }

  /**
   * Changes only the given fields of a task; {@code values} and {@code secretValues} merge key by
   * key (a null value removes the key).
   */
  public Task updateTask(String name, Map<String, Object> fields) {
    HttpRequest request =
        request("/api/v1/tasks/" + encode(name))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(fields)))
            .build();
    return json(send(request), Task.class);
  }

  /** One task, secrets by name only. */
  public Task task(String name) {
    return json(send(get("/api/v1/tasks/" + encode(name))), Task.class);
  }

  /** All tasks. */
  public List<Task> tasks() {
    return json(send(get("/api/v1/tasks")), new TypeReference<List<Task>>() {});
  }

  /** Deletes a task. */
  public void deleteTask(String name) {
    send(request("/api/v1/tasks/" + encode(name)).DELETE().build());
  }

  /** A task's timers with their next occurrences. */
  public List<TriggerState.TimerState> timers(String task) {
    return json(
        send(get("/api/v1/tasks/" + encode(task) + "/timers")),
        new TypeReference<List<TriggerState.TimerState>>() {});
  }

  /** Adds a timer to a task. */
  public Task addTimer(String task, TaskTriggers.TimerTrigger timer) {
    return json(send(post("/api/v1/tasks/" + encode(task) + "/timers", timer)), Task.class);
  }

  /** Changes a timer's schedule and/or whether it is enabled (null: unchanged). */
  public Task updateTimer(String task, String timer, String schedule, Boolean enabled) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (schedule != null) {
      fields.put("schedule", schedule);
    }
    if (enabled != null) {
      fields.put("enabled", enabled);
    }
    HttpRequest request =
        request("/api/v1/tasks/" + encode(task) + "/timers/" + encode(timer))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(fields)))
            .build();
    return json(send(request), Task.class);
  }

  /** Removes a timer from a task. */
  public Task removeTimer(String task, String timer) {
    return json(
        send(
            request("/api/v1/tasks/" + encode(task) + "/timers/" + encode(timer)).DELETE().build()),
        Task.class);
  }

  /** Runs a task now with {@code overrides}. */
  public Run runTask(String name, TaskRunOverrides overrides) {
    return json(send(post("/api/v1/tasks/" + encode(name) + "/runs", overrides)), Run.class);
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest post(String path, Object body) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private String send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw failure(response.statusCode(), response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new ServerException("cannot reach the Wharf server at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerException("interrupted while calling " + base, e);
    }
  }

  private static ServerException failure(int status, String body) {
    String message = body;
    try {
      ApiError error = Json.read(body, ApiError.class);
      if (error != null && error.error() != null) {
        message = error.error();
      }
    } catch (IllegalArgumentException notJson) {
      // keep the raw body as the message
    }
    return new ServerException(status, "server answered " + status + ": " + message);
  }

  private static <T> T json(String body, Class<T> type) {
    return Json.read(body, type);
  }

  private static <T> T json(String body, TypeReference<T> type) {
    return Json.read(body, type);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
