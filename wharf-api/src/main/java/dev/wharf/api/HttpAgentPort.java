package dev.wharf.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wharf.api.AgentWire.Assignment;
import dev.wharf.api.AgentWire.Cleaned;
import dev.wharf.api.AgentWire.Finish;
import dev.wharf.api.AgentWire.Heartbeat;
import dev.wharf.api.AgentWire.HeartbeatReply;
import dev.wharf.api.AgentWire.LogBatch;
import dev.wharf.api.AgentWire.Registered;
import dev.wharf.api.AgentWire.Registration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent protocol over HTTP, for {@code wharf agent}: the agent only ever calls out, so it needs
 * no inbound port. Given several servers (sharing one database), it moves to the next one when the
 * current one cannot be reached.
 */
public final class HttpAgentPort implements AgentPort {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LONG_POLL_MARGIN = Duration.ofSeconds(10);

  private final List<URI> servers;
  private final String token;
  private final HttpClient http;
  private final AtomicInteger current = new AtomicInteger();

  /** A port to {@code servers} (tried in turn), authenticated by an {@code agent} token. */
  public HttpAgentPort(List<URI> servers, String token) {
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("an agent needs at least one server");
    }
    this.servers =
        servers.stream()
            .map(
                uri -> {
                  String url = uri.toString();
                  return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
                })
            .toList();
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public Registered register(Registration registration) {
    return Json.read(call("/api/v1/agents", registration, REQUEST_TIMEOUT), Registered.class);
  }

  @Override
  public Optional<Assignment> claim(String agentId, long waitMillis) {
    String body =
        call(
            "/api/v1/agents/" + agentId + "/claim?waitMillis=" + waitMillis,
            Map.of(),
            Duration.ofMillis(waitMillis).plus(LONG_POLL_MARGIN));
    return body.isEmpty() ? Optional.empty() : Optional.of(Json.read(body, Assignment.class));
  }

  @Override
  public HeartbeatReply heartbeat(String agentId, Heartbeat heartbeat) {
    return Json.read(
        call(
            "/api/v1/agents/" + agentId + "/heartbeat",
            heartbeat,
            Duration.ofMillis(heartbeat.waitMillis()).plus(LONG_POLL_MARGIN)),
        HeartbeatReply.class);
  }

  @Override
  public void running(String agentId, String runId) {
    call(
        "/api/v1/agents/" + agentId + "/runs/" + encode(runId) + "/running",
        Map.of(),
        REQUEST_TIMEOUT);
  }

  @Override
  public void appendLog(String agentId, String runId, LogBatch batch) {
    call("/api/v1/agents/" + agentId + "/runs/" + encode(runId) + "/log", batch, REQUEST_TIMEOUT);
  }

  @Override
  public boolean finish(String agentId, String runId, Finish finish) {
    String body =
        call(
            "/api/v1/agents/" + agentId + "/runs/" + encode(runId) + "/finish",
            finish,
            REQUEST_TIMEOUT);
    return Json.read(body, JsonNode.class).path("recorded").asBoolean();
  }

  @Override
  public Path upload(String uploadId) {
    URI server = server();
    try {
      // java.io.tmpdir as it is now: the JDK's own default keeps the folder the JVM started with,
      // not the process's own one (docs/security.md#faults)
      Path file =
          Files.createTempFile(
              Path.of(System.getProperty("java.io.tmpdir")), "wharf-context-", ".tar.gz");
      HttpRequest request =
          authorized(server.resolve("/api/v1/uploads/" + encode(uploadId)))
              .timeout(Duration.ofMinutes(10))
              .GET()
              .build();
      HttpResponse<Path> response =
          http.send(
              request,
              HttpResponse.BodyHandlers.ofFile(
                  file,
                  java.nio.file.StandardOpenOption.WRITE,
                  java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
      if (response.statusCode() >= 300) {
        String error = Files.readString(file);
        Files.deleteIfExists(file);
        throw refusal(response.statusCode(), error);
      }
      return file;
    } catch (IOException e) {
      throw unreachable(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentProtocolException("interrupted while downloading " + uploadId, e);
    }
  }

  @Override
  public void release(Path upload) {
    try {
      Files.deleteIfExists(upload);
    } catch (IOException e) {
      // a temporary file the system removes in time
    }
  }

  @Override
  public void cleaned(String agentId, List<String> runIds) {
    call("/api/v1/agents/" + agentId + "/cleaned", new Cleaned(runIds), REQUEST_TIMEOUT);
  }

  private String call(String path, Object body, Duration timeout) {
    URI server = server();
    HttpRequest request =
        authorized(URI.create(server + path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      if (status == 502 || status == 503 || status == 504) {
        next(server);
        throw new AgentProtocolException(
            AgentProtocolException.UNREACHABLE, server + " answered " + status);
      }
      if (status >= 300) {
        throw refusal(status, response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw unreachable(server, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentProtocolException("interrupted while calling " + server, e);
    }
  }

  private HttpRequest.Builder authorized(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
  }

  private URI server() {
    return servers.get(Math.floorMod(current.get(), servers.size()));
  }

  /** Moves on from {@code failed}, unless another call already did. */
  private void next(URI failed) {
    int seen = current.get();
    if (servers.get(Math.floorMod(seen, servers.size())).equals(failed)) {
      current.compareAndSet(seen, seen + 1);
    }
  }

  private AgentProtocolException unreachable(URI server, IOException e) {
    next(server);
    return new AgentProtocolException("cannot reach the Wharf server at " + server + ": " + e, e);
  }

  private static AgentProtocolException refusal(int status, String body) {
    String message = body;
    try {
      JsonNode error = Json.read(body, JsonNode.class);
      if (error != null && error.has("error")) {
        message = error.get("error").asText();
      }
    } catch (IllegalArgumentException notJson) {
      // the raw body is the message
    }
    return new AgentProtocolException(status, "server answered " + status + ": " + message);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
