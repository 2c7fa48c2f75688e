package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.engine.docker.BuildCacheRecords;
import dev.wharf.engine.step.BuildCacheScope;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A build step with {@code cache: enabled} keeps its cache in the registry as acb does, as inline
 * cache under the cache tag (docs/buildkit.md#registry-cache).
 */
@DockerTest
class RegistryCacheIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST_TYPES =
      "application/vnd.docker.distribution.manifest.v2+json,"
          + "application/vnd.oci.image.manifest.v1+json";

  private final HttpClient http = HttpClient.newHttpClient();
  private ContainerEngine engine;
  private LocalDocker docker;
  private String marker;
  private String repository;
  private String image;

  @BeforeEach
  void setUp(ContainerEngine engine, LocalDocker docker) {
    this.engine = engine;
    this.docker = docker;
    marker = "wharf-bkc-" + UUID.randomUUID().toString().substring(0, 8);
    repository = marker;
    image = LocalDocker.AUTH_REGISTRY + "/" + repository + ":v1";
  }

  @AfterEach
  void cleanUp() throws Exception {
    engine.removeImage(image);
    BuildCacheRecords.prune(engine.address(), marker);
    JsonNode tags = JSON.readTree(registry("GET", "/tags/list").body()).path("tags");
    for (JsonNode tag : tags) {
      HttpResponse<String> manifest = registry("HEAD", "/manifests/" + tag.asText());
      String digest = manifest.headers().firstValue("Docker-Content-Digest").orElse("");
      if (!digest.isEmpty()) {
        registry("DELETE", "/manifests/" + digest);
      }
    }
    assertThat(BuildCacheRecords.find(engine.address(), marker)).isEmpty();
  }

  @Test
  void cacheEnabled_pushesTheCacheTag_whichALaterBuildWithoutLocalCacheUses() throws Exception {
    String cacheRef = LocalDocker.AUTH_REGISTRY + "/" + repository + ":cache_cached_build";
    TaskRunner runner =
        new TaskRunner(engine)
            .login(docker.authRegistryLogin())
            .buildCache(new BuildCacheScope("cached", ""))
            .files(
                Map.of(
                    "Dockerfile",
                    "FROM %s\nRUN echo %s > /layer && echo \"ran %s\"\n"
                        .formatted(LocalDocker.BUSYBOX, marker, marker)));
    String task = "steps:\n  - id: build\n    build: -t %s .\n    cache: enabled\n";

    var first = runner.run(task.formatted(image));

    assertThat(first.result().successful()).as("no cache image yet: " + first.all()).isTrue();
    assertThat(first.all())
        .contains("Building with BuildKit for cache: enabled")
        .containsPattern("#\\d+ ran " + marker)
        .contains("Exporting build cache to " + cacheRef)
        .contains("Successfully exported build cache to " + cacheRef);
    JsonNode config = imageConfig("cache_cached_build");
    assertThat(config.has("moby.buildkit.cache.v0")).as(config.toString()).isTrue();
    assertThat(engine.inspectImage(cacheRef)).as("the cache tag is not kept locally").isEmpty();
    assertThat(engine.inspectImage(image).map(ImageInfo::repoDigests).orElseThrow())
        .as("the image itself was not pushed")
        .isEmpty();

    engine.removeImage(image);
    BuildCacheRecords.prune(engine.address(), marker);
    assertThat(BuildCacheRecords.find(engine.address(), marker)).isEmpty();

    var second = runner.run(task.formatted(image));

    assertThat(second.result().successful()).as(second.all()).isTrue();
    assertThat(second.all())
        .contains("importing cache manifest from " + cacheRef)
        .containsPattern("#\\d+ CACHED")
        .containsPattern("#\\d+ pulling sha256:")
        .doesNotContainPattern("#\\d+ ran " + marker);
    assertThat(engine.inspectImage(image)).isPresent();
  }

  @Test
  void cacheEnabled_withATagTooLongForTheCacheRef_logsTheErrorAndBuildsWithoutCache()
      throws Exception {
    TaskRunner runner =
        new TaskRunner(engine)
            .buildCache(new BuildCacheScope("t".repeat(130), ""))
            .files(
                Map.of(
                    "Dockerfile",
                    "FROM " + LocalDocker.BUSYBOX + "\nRUN echo \"ran " + marker + "\"\n"));

    var outcome =
        runner.run(
            "steps:\n  - id: build\n    build: -t %s .\n    cache: enabled\n".formatted(image));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.all())
        .contains("error creating build cache command invalid tag format: cache_ttt")
        .contains("Building with BuildKit for cache: enabled")
        .containsPattern("#\\d+ ran " + marker)
        .doesNotContain("Exporting build cache");
    assertThat(engine.inspectImage(image)).isPresent();
  }

  /** The image configuration that a tag of the repository names, read from the registry. */
  private JsonNode imageConfig(String tag) throws Exception {
    HttpResponse<String> manifest = registry("GET", "/manifests/" + tag);
    assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
    String config = JSON.readTree(manifest.body()).path("config").path("digest").asText();
    return JSON.readTree(registry("GET", "/blobs/" + config).body());
  }

  private HttpResponse<String> registry(String method, String path) throws Exception {
    String basic = LocalDocker.USERNAME + ":" + LocalDocker.PASSWORD;
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://" + LocalDocker.AUTH_REGISTRY + "/v2/" + repository + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Accept", MANIFEST_TYPES)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
