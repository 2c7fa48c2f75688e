package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.wharf.api.Json;
import dev.wharf.engine.source.GitHttpServer;
import dev.wharf.engine.source.GitRepos;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.server.DistributionRegistry;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import dev.wharf.server.trigger.BaseImageSettings;
import dev.wharf.server.trigger.RegistryHookHeader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain of two Dockerfile tasks on the real engine, a real {@code docker-registry} notifying an
 * in-process server: task A builds and pushes {@code base:1}, task B builds {@code FROM base:1}. A
 * run of A pushes a new {@code base:1}, the registry tells the server, and B runs once, its record
 * saying which image moved from which digest to which; the CLI shows it.
 */
@DockerTest
class BaseImageChainIT {
  private static final String HOOK = "Bearer chain-Hook-2718";

  @TempDir Path root;
  @TempDir Path work;

  private final Set<String> images = new LinkedHashSet<>();
  private LocalDocker docker;
  private DistributionRegistry registry;
  private WharfServer server;
  private GitHttpServer git;
  private String url;
  private String token;
  private String base;
  private String app;

  @BeforeEach
  void start(LocalDocker localDocker) throws Exception {
    docker = localDocker;
    String id = UUID.randomUUID().toString().substring(0, 8);
    int registryPort = DistributionRegistry.freePort();
    String registryHost = "127.0.0.1:" + registryPort;
    base = "chain-base-" + id;
    app = "chain-app-" + id;
    Path repo = Files.createDirectories(root.resolve("work-repo"));
    Files.createDirectories(repo.resolve("base"));
    Files.createDirectories(repo.resolve("app"));
    // --no-cache and the time make every build of the base a new image with a new digest
    Files.writeString(
        repo.resolve("base/Dockerfile"), "FROM wharf-test/busybox\nRUN date +%s%N > /built-at\n");
    Files.writeString(
        repo.resolve("app/Dockerfile"),
        "FROM " + registryHost + "/" + base + ":1\nRUN cat /built-at\n");
    GitRepos.git(repo, "init", "-q", "-b", "main");
    GitRepos.git(repo, "add", "-A");
    GitRepos.git(repo, "commit", "-qm", "chain");
    Path served = Files.createDirectories(root.resolve("served"));
    GitRepos.git(served, "clone", "-q", "--bare", repo.toString(), "chain.git");
    git = new GitHttpServer(served, null, null);

    char letter = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(root.resolve("data"))
            .withListen("127.0.0.1", 0)
            .withRunIdPrefix("c" + letter)
            .withAgent(1, new EngineRunExecutor(registryHost).withLocalContexts(true))
            // notifications only: polling would also ask Docker Hub, out of the tests' reach, for
            // wharf-test/busybox
            .withBaseImages(
                new BaseImageSettings(
                    RegistryHookHeader.parse("Authorization: " + HOOK), Duration.ZERO));
    server = WharfServer.start(config);
    url = "http://127.0.0.1:" + server.port();
    token = WharfServer.createToken(config, Role.admin, "it");
    registry =
        DistributionRegistry.start(
            root.resolve("registry"),
            registryPort,
            url + "/api/v1/hooks/registry",
            "Authorization",
            HOOK);
    images.add(registryHost + "/" + base + ":1");
    images.add(registryHost + "/" + app + ":1");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (git != null) {
      git.close();
    }
    // newest first: an app image is a child of the base image it was built on
    List<String> newestFirst = new ArrayList<>(images);
    java.util.Collections.reverse(newestFirst);
    for (String image : newestFirst) {
      try {
        docker.client().removeImageCmd(image).withForce(true).exec();
      } catch (NotFoundException gone) {
        // never built, or an older build already removed with its tag
      }
    }
  }

  private record Result(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Result wharf(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", url, "--token", token));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), work);
    return new Result(status, out.toString(), err.toString());
  }

  /** Runs a task, keeping the image it built so that the test removes it (older ones included). */
  private void run(String task, String image) {
    Result ran = wharf("task", "run", "-n", task);
    assertThat(ran.status()).as(ran.all()).isZero();
    images.add(
        docker.client().inspectImageCmd(registry.host() + "/" + image + ":1").exec().getId());
  }

  private JsonNode runs(String task) {
    Result listed = wharf("task", "list-runs", "-n", task, "-o", "json");
    assertThat(listed.status()).as(listed.all()).isZero();
    return Json.read(listed.out(), JsonNode.class);
  }

  private List<JsonNode> imageUpdates(String task) {
    List<JsonNode> updates = new ArrayList<>();
    runs(task)
        .forEach(
            r -> {
              if (r.path("trigger").asText().equals("Image Update")) {
                updates.add(r);
              }
            });
    return updates;
  }

  @Test
  void newBaseImagePushedByTaskA_runsTaskBuiltOnItOnce() throws Exception {
    assertThat(
            wharf(
                    "task",
                    "create",
                    "-n",
                    base,
                    "-c",
                    git.url("chain.git") + "#main:base",
                    "-f",
                    "Dockerfile",
                    "-t",
                    base + ":1",
                    "--no-cache")
                .status())
        .isZero();
    Result createdB =
        wharf(
            "task",
            "create",
            "-n",
            app,
            "-c",
            git.url("chain.git") + "#main:app",
            "-f",
            "Dockerfile",
            "-t",
            app + ":1");
    assertThat(createdB.status()).as(createdB.all()).isZero();
    run(base, base);
    run(app, app);
    JsonNode tracked =
        Json.read(wharf("task", "show", "-n", app, "-o", "json").out(), JsonNode.class)
            .path("triggerState")
            .path("baseImages")
            .get(0);
    String oldDigest = tracked.path("digest").asText();
    assertThat(tracked.path("image").asText()).isEqualTo(registry.host() + "/" + base + ":1");
    assertThat(oldDigest).startsWith("sha256:");
    assertThat(tracked.path("watched").asBoolean()).isTrue();

    run(base, base); // pushes a new base:1; the registry notifies the server

    JsonNode update = await(() -> imageUpdates(app).isEmpty() ? null : imageUpdates(app).get(0));
    String runId = update.path("runId").asText();
    await(
        () ->
            runs(app).get(0).path("status").asText().matches("Queued|Started|Running")
                ? null
                : true);
    images.add(docker.client().inspectImageCmd(registry.host() + "/" + app + ":1").exec().getId());
    Thread.sleep(2000);

    assertThat(imageUpdates(app)).hasSize(1);
    assertThat(imageUpdates(base)).isEmpty();
    JsonNode details = update.path("triggerDetails");
    assertThat(details.path("type").asText()).isEqualTo("ImageUpdate");
    assertThat(details.path("image").asText()).isEqualTo(registry.host() + "/" + base + ":1");
    assertThat(details.path("oldDigest").asText()).isEqualTo(oldDigest);
    String newDigest = details.path("newDigest").asText();
    assertThat(newDigest).startsWith("sha256:").isNotEqualTo(oldDigest);
    JsonNode rebuilt =
        Json.read(wharf("task", "show-run", "--run-id", runId, "-o", "json").out(), JsonNode.class);
    assertThat(rebuilt.path("status").asText()).isEqualTo("Succeeded");
    assertThat(rebuilt.path("baseImageDependencies").findValuesAsText("digest"))
        .contains(newDigest);
    Result shownRun = wharf("task", "show-run", "--run-id", runId);
    assertThat(shownRun.out())
        .contains("Image Update of " + registry.host() + "/" + base + ":1")
        .contains(oldDigest + " -> " + newDigest);
    assertThat(wharf("task", "list-runs", "-n", app).out()).contains("Image Update");
    Result shown = wharf("task", "show", "-n", app);
    assertThat(shown.out())
        .contains("Base image trigger: Enabled (Runtime)")
        .contains("tracked: " + registry.host() + "/" + base + ":1 " + newDigest + " RunTime");
  }

  private static <T> T await(java.util.function.Supplier<T> probe) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("nothing within 60 s");
  }
}
