package dev.wharf.engine.docker;

import static dev.wharf.engine.docker.DockerErrors.call;
import static dev.wharf.engine.docker.DockerErrors.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PushImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.api.model.ResponseItem;
import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.EngineUnreachableException;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.engine.container.RegistryLogin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The image half of {@link DockerEngine}: build, push, pull, look up in a registry, inspect and
 * remove.
 */
final class DockerImages {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerImages() {}

  static String build(
      DockerClient client, BuildRequest request, InputStream context, Consumer<String> progress)
      throws EngineException, InterruptedException {
    String action =
        "build image "
            + (request.tags().isEmpty() ? "(untagged)" : String.join(", ", request.tags()));
    BuildImageCmd cmd =
        client
            .buildImageCmd(context)
            .withTags(new LinkedHashSet<>(request.tags()))
            .withNoCache(request.noCache())
            .withPull(request.pull())
            // A failed RUN would otherwise leave its intermediate container behind
            // (docs/behaviour.md#cleanup).
            .withRemove(true)
            .withForcerm(true);
    request.buildArgs().forEach(cmd::withBuildArg);
    if (!request.target().isEmpty()) {
      cmd.withTarget(request.target());
    }
    if (!request.dockerfile().isEmpty()) {
      cmd.withDockerfilePath(request.dockerfile());
    }
    if (!request.labels().isEmpty()) {
      cmd.withLabels(request.labels());
    }
    if (!request.network().isEmpty()) {
      cmd.withNetworkMode(request.network());
    }
    if (!request.platform().isEmpty()) {
      cmd.withPlatform(request.platform());
    }
    if (!request.cacheFrom().isEmpty()) {
      cmd.withCacheFrom(new LinkedHashSet<>(request.cacheFrom()));
    }
    if (!request.extraHosts().isEmpty()) {
      cmd.withExtraHosts(new LinkedHashSet<>(request.extraHosts()));
    }
    if (!request.logins().isEmpty()) {
      AuthConfigurations auths = new AuthConfigurations();
      request.logins().forEach(l -> auths.addConfig(authConfig(l)));
      cmd.withBuildAuthConfigs(auths);
    }
    ProgressStream<BuildResponseItem> stream = follow(action, cmd::exec, progress);
    if (stream.imageId().isEmpty()) {
      throw new EngineException(action, "the engine reported no image id");
    }
    // The classic builder names the image by its short id; callers compare full ids.
    return call(action, () -> client.inspectImageCmd(stream.imageId()).exec().getId());
  }

  static String push(
      DockerClient client, String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException {
    String action = "push " + image;
    ImageName name = ImageName.parse(image);
    PushImageCmd cmd = client.pushImageCmd(name.repository()).withTag(name.tag());
    name.loginFrom(logins).ifPresent(l -> cmd.withAuthConfig(authConfig(l)));
    ProgressStream<PushResponseItem> stream = follow(action, cmd::exec, progress);
    if (stream.digest().isEmpty()) {
      throw new EngineException(action, "the registry reported no digest");
    }
    return stream.digest();
  }

  static void pull(
      DockerClient client, String image, List<RegistryLogin> logins, Consumer<String> progress)
      throws EngineException, InterruptedException {
    ImageName name = ImageName.parse(image);
    PullImageCmd cmd =
        client
            .pullImageCmd(name.repository())
            .withTag(name.digest().isEmpty() ? name.tag() : name.digest());
    name.loginFrom(logins).ifPresent(l -> cmd.withAuthConfig(authConfig(l)));
    DockerImages.<PullResponseItem>follow("pull " + image, cmd::exec, progress);
  }

  /** {@code GET /distribution/{name}/json}, which docker-java does not offer. */
  static void checkInRegistry(DockerConnection connection, String image, List<RegistryLogin> logins)
      throws EngineException {
    String action = "look up " + image + " in its registry";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Connection", "close");
    ImageName.parse(image)
        .loginFrom(logins)
        .ifPresent(l -> headers.put("X-Registry-Auth", registryAuth(l)));
    String path =
        "/v"
            + connection.apiVersion()
            + "/distribution/"
            + URLEncoder.encode(image, StandardCharsets.UTF_8).replace("%2F", "/")
            + "/json";
    try (EngineSocket socket = EngineSocket.open(connection.address())) {
      socket.sendHead("GET", path, headers);
      EngineSocket.Response head = socket.readHead();
      try (InputStream body = socket.body(head)) {
        String answer = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        if (head.status() != 200) {
          throw new EngineException(action, DockerErrors.reason(answer));
        }
      }
    } catch (IOException e) {
      throw new EngineUnreachableException(
          action, "the Docker engine did not answer (" + DockerErrors.describe(e) + ")", e);
    }
  }

  /** A login as the engine's {@code X-Registry-Auth} header carries it. */
  private static String registryAuth(RegistryLogin login) {
    ObjectNode auth =
        JSON.createObjectNode()
            .put("username", login.username())
            .put("password", login.password())
            .put("serveraddress", ImageName.serverAddress(login.registry()));
    return Base64.getUrlEncoder().encodeToString(auth.toString().getBytes(StandardCharsets.UTF_8));
  }

  static Optional<ImageInfo> inspect(DockerClient client, String image) throws EngineException {
    return call(
        "inspect image " + image,
        () -> {
          try {
            InspectImageResponse r = client.inspectImageCmd(image).exec();
            List<String> digests = r.getRepoDigests() == null ? List.of() : r.getRepoDigests();
            return Optional.of(
                new ImageInfo(r.getId(), digests, nonNull(r.getOs()), nonNull(r.getArch())));
          } catch (NotFoundException missing) {
            return Optional.empty();
          }
        });
  }

  static void remove(DockerClient client, String image) throws EngineException {
    run(
        "remove image " + image,
        () ->
            DockerErrors.ignoreMissing(() -> client.removeImageCmd(image).withForce(true).exec()));
  }

  static AuthConfig authConfig(RegistryLogin login) {
    return new AuthConfig()
        .withUsername(login.username())
        .withPassword(login.password())
        .withRegistryAddress(ImageName.serverAddress(login.registry()));
  }

  private static <T extends ResponseItem> ProgressStream<T> follow(
      String action, Function<ProgressStream<T>, ProgressStream<T>> start, Consumer<String> lines)
      throws EngineException, InterruptedException {
    ProgressStream<T> stream = new ProgressStream<>(lines);
    try {
      start.apply(stream).awaitCompletion();
    } catch (RuntimeException e) {
      throw DockerErrors.failure(action, e);
    } catch (InterruptedException e) {
      DockerErrors.abandon(stream);
      throw e;
    }
    if (!stream.error().isEmpty()) {
      throw new EngineException(action, stream.error());
    }
    return stream;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
