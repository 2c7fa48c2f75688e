package dev.wharf.engine.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineUnreachableException;
import dev.wharf.engine.container.RegistryLogin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A build by the engine's own BuildKit: {@code POST /build?version=2} with the context as a tar
 * body, as {@code DOCKER_BUILDKIT=1 docker build -} sends it, and BuildKit's progress decoded into
 * plain-progress lines (docs/buildkit.md). The image lands in the engine's image store, tagged, as
 * a classic build's does, so push and the dependency report treat both alike.
 */
final class BuildKitBuild {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "wharf-buildkit");
            t.setDaemon(true);
            return t;
          });

  private BuildKitBuild() {}

  static String run(
      DockerConnection connection,
      BuildRequest request,
      InputStream context,
      Consumer<String> progress)
      throws EngineException, InterruptedException {
    String action =
        "build image "
            + (request.tags().isEmpty() ? "(untagged)" : String.join(", ", request.tags()))
            + " with BuildKit";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/x-tar");
    headers.put("Transfer-Encoding", "chunked");
    if (!request.logins().isEmpty()) {
      headers.put("X-Registry-Config", registryConfig(request.logins()));
    }
    String path = "/v" + connection.apiVersion() + "/build?" + query(request);
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    request.secrets().forEach(secret -> secrets.put(secret.id(), secret.value()));
    Map<String, Path> sshAgents = new LinkedHashMap<>();
    request.sshAgents().forEach(agent -> sshAgents.put(agent.id(), agent.socket()));
    // The session answers the engine's calls for secrets, registry credentials and SSH agents.
    try (BuildKitSession session =
            BuildKitSession.open(
                connection.address(),
                connection.apiVersion(),
                secrets,
                request.logins(),
                sshAgents);
        EngineSocket socket = EngineSocket.open(connection.address())) {
      socket.sendHead("POST", path + "&session=" + session.id(), headers);
      socket.sendChunked(context);
      // The answer is read on a thread of its own so that cancelling the step (an interrupt) can
      // close the connection, which makes the engine cancel the build.
      CompletableFuture<String> outcome =
          CompletableFuture.supplyAsync(() -> read(action, socket, progress), READERS);
      String imageId = outcome.get();
      if (imageId.isEmpty()) {
        throw new EngineException(action, "the engine reported no image id");
      }
      return imageId;
    } catch (IOException e) {
      throw new EngineUnreachableException(
          action, "the Docker engine did not answer (" + DockerErrors.describe(e) + ")", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Failure failure) {
        throw failure.exception;
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new EngineException(action, DockerErrors.describe(cause), cause);
    }
  }

  /** Reads the progress messages; returns the image id, or fails with the build's error. */
  private static String read(String action, EngineSocket socket, Consumer<String> progress) {
    try {
      EngineSocket.Response head = socket.readHead();
      InputStream body = socket.body(head);
      if (head.status() != 200) {
        throw new Failure(
            new EngineException(
                action,
                DockerErrors.reason(new String(body.readAllBytes(), StandardCharsets.UTF_8))));
      }
      BuildKitProgress trace = new BuildKitProgress(progress);
      String imageId = "";
      String error = "";
      MappingIterator<JsonNode> messages = JSON.readerFor(JsonNode.class).readValues(body);
      while (messages.hasNextValue()) {
        JsonNode message = messages.nextValue();
        String id = message.path("id").asText("");
        if (message.has("errorDetail") || message.has("error")) {
          String text = message.path("errorDetail").path("message").asText("");
          if (text.isEmpty()) {
            text = message.path("error").asText("the engine reported an error");
          }
          error = error.isEmpty() ? text.strip() : error;
        } else if (id.equals("moby.buildkit.trace")) {
          trace.accept(Base64.getDecoder().decode(message.path("aux").asText("")));
        } else if (id.equals("moby.image.id")) {
          imageId = message.path("aux").path("ID").asText("");
        } else if (message.hasNonNull("stream")) {
          message.path("stream").asText().lines().filter(l -> !l.isBlank()).forEach(progress);
        }
      }
      trace.finish();
      if (!error.isEmpty()) {
        throw new Failure(new EngineException(action, error));
      }
      return imageId;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String query(BuildRequest request) {
    List<String> params = new ArrayList<>();
    add(params, "version", "2");
    request.tags().forEach(t -> add(params, "t", t));
    if (!request.dockerfile().isEmpty()) {
      add(params, "dockerfile", request.dockerfile());
    }
    if (!request.target().isEmpty()) {
      add(params, "target", request.target());
    }
    if (!request.buildArgs().isEmpty()) {
      add(params, "buildargs", json(request.buildArgs()));
    }
    if (!request.labels().isEmpty()) {
      add(params, "labels", json(request.labels()));
    }
    if (!request.cacheFrom().isEmpty()) {
      add(params, "cachefrom", json(request.cacheFrom()));
    }
    if (request.noCache()) {
      add(params, "nocache", "1");
    }
    if (request.pull()) {
      add(params, "pull", "1");
    }
    if (!request.network().isEmpty()) {
      add(params, "networkmode", request.network());
    }
    if (!request.platform().isEmpty()) {
      add(params, "platform", request.platform());
    }
    request.extraHosts().forEach(h -> add(params, "extrahosts", h));
    add(params, "rm", "1");
    add(params, "forcerm", "1");
    return String.join("&", params);
  }

  private static void add(List<String> params, String name, String value) {
    params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The registry logins as the engine's {@code X-Registry-Config} header wants them. */
  private static String registryConfig(List<RegistryLogin> logins) {
    ObjectNode config = JSON.createObjectNode();
    for (RegistryLogin login : logins) {
      String address = ImageName.serverAddress(login.registry());
      config
          .putObject(address)
          .put("username", login.username())
          .put("password", login.password())
          .put("serveraddress", address);
    }
    return Base64.getUrlEncoder().encodeToString(json(config).getBytes(StandardCharsets.UTF_8));
  }

  /** Carries an engine failure out of the reading thread. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient EngineException exception;

    Failure(EngineException exception) {
      super(exception.getMessage(), null, false, false);
      this.exception = exception;
    }
  }
}
