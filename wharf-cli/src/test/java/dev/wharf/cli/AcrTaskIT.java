package dev.wharf.cli;

import static dev.wharf.cli.WharfInProcess.assertNothingLeft;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.wharf.api.Json;
import dev.wharf.engine.source.GitHttpServer;
import dev.wharf.engine.source.GitRepos;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import dev.wharf.server.trigger.BaseImageSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACR's tutorial task through a server on the real engine and the registry on 127.0.0.1:5000: a
 * Dockerfile task created from a private git repository served over smart HTTP, run with {@code
 * wharf task run}, its image pulled back by the digest the run recorded; secret build arguments and
 * the git token never printed, and {@code --no-push} pushing nothing.
 */
@DockerTest
class AcrTaskIT {
  private static final String GIT_TOKEN = "git-tok-9f8e7d6c5b";
  private static final String SECRET_ARG = "s3cr3t-Arg-0815";

  @TempDir static Path dataDir;
  @TempDir static Path repos;
  @TempDir Path work;

  private static WharfServer server;
  private static GitHttpServer git;
  private static String url;
  private static String token;

  private final List<String> images = new ArrayList<>();
  private final List<String> manifests = new ArrayList<>();
  private LocalDocker docker;
  private String repository;

  @BeforeAll
  static void startServers() throws Exception {
    Path app = Files.createDirectories(repos.resolve("app"));
    Files.writeString(
        app.resolve("Dockerfile"),
        "FROM wharf-test/busybox\n"
            + "ARG GREETING\n"
            + "ARG TOKEN\n"
            + "LABEL greeting=$GREETING\n"
            + "COPY . /src\n"
            + "RUN echo \"greeting=$GREETING token=$TOKEN\"\n"
            + "CMD [\"cat\", \"/src/hello.txt\"]\n");
    Files.writeString(app.resolve("hello.txt"), "Hello from the tutorial\n");
    GitRepos.git(app, "init", "-q", "-b", "main");
    GitRepos.git(app, "add", "-A");
    GitRepos.git(app, "commit", "-qm", "tutorial");
    GitRepos.git(repos, "clone", "-q", "--bare", app.toString(), "app.git");
    git = new GitHttpServer(repos, "dummy", GIT_TOKEN);
    char letter = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(dataDir)
            .withListen("127.0.0.1", 0)
            .withRunIdPrefix("d" + letter)
            // no digest polling: the tasks' base images are on Docker Hub, out of the tests' reach
            .withBaseImages(new BaseImageSettings(null, Duration.ZERO))
            .withAgent(1, new EngineRunExecutor(LocalDocker.REGISTRY).withLocalContexts(true));
    server = WharfServer.start(config);
    url = "http://127.0.0.1:" + server.port();
    token = WharfServer.createToken(config, Role.admin, "it");
  }

  @AfterAll
  static void stopServers() {
    server.close();
    git.close();
  }

  @BeforeEach
  void names(LocalDocker localDocker) {
    docker = localDocker;
    repository = "wharf-it/tutorial-" + UUID.randomUUID().toString().substring(0, 12);
  }

  @AfterEach
  void removeImagesAndManifests() throws Exception {
    for (String image : images) {
      try {
        docker.client().removeImageCmd(image).withForce(true).exec();
      } catch (NotFoundException gone) {
        // never built, or already removed by the test
      }
    }
    for (String digest : manifests) {
      registry("DELETE", "/manifests/" + digest);
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

  /** The private repository's URL with the token in it, as a user might paste it. */
  private static String contextWithToken() {
    return git.url("app.git#main").replace("http://", "http://dummy:" + GIT_TOKEN + "@");
  }

  @Test
  void tutorialTask_runThroughTheServer_pushesAnImagePulledBackByTheRecordedDigest()
      throws Exception {
    String name = "tut-" + UUID.randomUUID().toString().substring(0, 8);

    Result created =
        wharf(
            "task",
            "create",
            "-n",
            name,
            "-c",
            contextWithToken(),
            "-f",
            "Dockerfile",
            "-t",
            repository + ":{{.Run.ID}}",
            "-t",
            repository + ":latest",
            "--arg",
            "GREETING=hello-arg",
            "--secret-arg",
            "TOKEN=" + SECRET_ARG);
    Result ran = wharf("task", "run", "-n", name);
    Result listed = wharf("task", "list-runs", "-n", name, "--top", "1", "-o", "json");
    JsonNode run = Json.read(listed.out(), JsonNode.class).get(0);
    String runId = run.path("runId").asText();
    images.add(LocalDocker.REGISTRY + "/" + repository + ":" + runId);
    images.add(LocalDocker.REGISTRY + "/" + repository + ":latest");
    Result shown = wharf("task", "show", "-n", name);
    Result shownJson = wharf("task", "show", "-n", name, "-o", "json");
    Result logs = wharf("task", "logs", "--image", repository + ":" + runId);

    assertThat(created.status()).as(created.all()).isZero();
    assertThat(ran.status()).as(ran.all()).isZero();
    assertThat(ran.err()).contains("greeting=hello-arg token=***");
    assertThat(run.path("runType").asText()).isEqualTo("AutoBuild");
    JsonNode image = run.path("outputImages").get(0);
    assertThat(image.path("registry").asText()).isEqualTo(LocalDocker.REGISTRY);
    assertThat(image.path("repository").asText()).isEqualTo(repository);
    String digest = image.path("digest").asText();
    assertThat(digest).startsWith("sha256:");
    manifests.add(digest);
    assertThat(run.path("outputImages").findValuesAsText("tag")).contains(runId, "latest");
    assertThat(run.path("baseImageDependencies").findValuesAsText("repository"))
        .contains("wharf-test/busybox");
    assertThat(shown.out()).contains("Images:", repository + ":{{.Run.ID}}", "TOKEN (secret)");
    JsonNode secretArg = Json.read(shownJson.out(), JsonNode.class).path("build").path("arguments");
    assertThat(secretArg.findValuesAsText("name")).containsExactly("GREETING", "TOKEN");
    assertThat(secretArg.get(1).path("secret").asBoolean()).isTrue();
    assertThat(secretArg.get(1).path("value").isNull()).isTrue();
    assertThat(logs.status()).as(logs.all()).isZero();
    assertThat(logs.out()).contains("greeting=hello-arg token=***");
    for (Result result : List.of(created, ran, listed, shown, shownJson, logs)) {
      assertThat(result.all()).doesNotContain(SECRET_ARG, GIT_TOKEN);
    }

    // without the local copies, the image comes back from the registry by the recorded digest
    for (String local : List.copyOf(images)) {
      docker.client().removeImageCmd(local).withForce(true).exec();
    }
    String byDigest = LocalDocker.REGISTRY + "/" + repository + "@" + digest;
    images.add(byDigest);
    docker.client().pullImageCmd(byDigest).start().awaitCompletion();
    var pulled = docker.client().inspectImageCmd(byDigest).exec();
    assertThat(pulled.getRepoDigests()).contains(byDigest);
    assertThat(pulled.getConfig().getLabels()).containsEntry("greeting", "hello-arg");
    assertNothingLeft(docker, runId);
    wharf("task", "delete", "-n", name);
  }

  @Test
  void noPushTask_buildsOnTheEngineAndPushesNothing() throws Exception {
    String name = "nopush-" + UUID.randomUUID().toString().substring(0, 8);

    Result created =
        wharf(
            "task",
            "create",
            "-n",
            name,
            "-c",
            contextWithToken(),
            "-t",
            repository + ":{{.Run.ID}}",
            "--no-push");
    Result ran = wharf("task", "run", "-n", name);
    Result listed = wharf("task", "list-runs", "-n", name, "--top", "1", "-o", "json");
    JsonNode run = Json.read(listed.out(), JsonNode.class).get(0);
    String tagged = LocalDocker.REGISTRY + "/" + repository + ":" + run.path("runId").asText();
    images.add(tagged);

    assertThat(created.status()).as(created.all()).isZero();
    assertThat(ran.status()).as(ran.all()).isZero();
    assertThat(docker.client().inspectImageCmd(tagged).exec().getId()).isNotBlank();
    assertThat(registry("GET", "/tags/list").statusCode()).isEqualTo(404);
    assertThat(run.path("outputImages").size()).isZero();
    assertThat(ran.all()).doesNotContain(GIT_TOKEN);
    wharf("task", "delete", "-n", name);
  }

  @Test
  void credentials_addUpdateListRemove_printLoginServersOnly() throws Exception {
    String name = "cred-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "reg-Pass-" + UUID.randomUUID();
    wharf("task", "create", "-n", name, "-c", "/dev/null", "--cmd", "wharf-test/busybox true");

    Result added =
        wharf(
            "task",
            "credential",
            "add",
            "-n",
            name,
            "--login-server",
            LocalDocker.AUTH_REGISTRY,
            "-u",
            LocalDocker.USERNAME,
            "-p",
            password);
    Result updated =
        wharf(
            "task",
            "credential",
            "update",
            "-n",
            name,
            "--login-server",
            LocalDocker.AUTH_REGISTRY,
            "-p",
            LocalDocker.PASSWORD);
    Result ran = wharf("task", "run", "-n", name);
    Result listed = wharf("task", "credential", "list", "-n", name, "-o", "json");
    Result shown = wharf("task", "show", "-n", name, "-o", "json");
    Result removed =
        wharf(
            "task",
            "credential",
            "remove",
            "-n",
            name,
            "--login-server",
            LocalDocker.AUTH_REGISTRY);
    Result afterRemove = wharf("task", "credential", "list", "-n", name);

    assertThat(added.status()).as(added.all()).isZero();
    assertThat(added.out().strip()).isEqualTo(LocalDocker.AUTH_REGISTRY);
    assertThat(updated.status()).as(updated.all()).isZero();
    assertThat(ran.status()).as(ran.all()).isZero();
    assertThat(Json.read(listed.out(), JsonNode.class).get(0).asText())
        .isEqualTo(LocalDocker.AUTH_REGISTRY);
    assertThat(
            Json.read(shown.out(), JsonNode.class).path("credentialLoginServers").get(0).asText())
        .isEqualTo(LocalDocker.AUTH_REGISTRY);
    assertThat(removed.status()).as(removed.all()).isZero();
    assertThat(afterRemove.out()).isBlank();
    for (Result result : List.of(added, updated, ran, listed, shown, removed)) {
      assertThat(result.all()).doesNotContain(password, LocalDocker.PASSWORD);
    }
    wharf("task", "delete", "-n", name);
  }

  @Test
  void updateRun_noArchiveFalse_archivesTheRunAndShowRunSaysSo() {
    String name = "arch-" + UUID.randomUUID().toString().substring(0, 8);
    wharf("task", "create", "-n", name, "-c", "/dev/null", "--cmd", "wharf-test/busybox true");
    wharf("task", "run", "-n", name, "--no-logs");
    Result listed = wharf("task", "list-runs", "-n", name, "-o", "json");
    String runId = Json.read(listed.out(), JsonNode.class).get(0).path("runId").asText();

    Result archived =
        wharf("task", "update-run", "--run-id", runId, "--no-archive", "false", "-o", "json");
    Result shown = wharf("task", "show-run", "--run-id", runId);
    Result unarchived = wharf("task", "update-run", "--run-id", runId, "--no-archive", "true");

    assertThat(archived.status()).as(archived.all()).isZero();
    assertThat(Json.read(archived.out(), JsonNode.class).path("archived").asBoolean()).isTrue();
    assertThat(shown.out()).contains("Archived: yes");
    assertThat(unarchived.out()).contains("Archived: no");
    wharf("task", "delete", "-n", name);
  }

  /** A request to the test repository's registry API ({@code /v2/REPO/...}). */
  private HttpResponse<String> registry(String method, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://" + LocalDocker.REGISTRY + "/v2/" + repository + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header(
                    "Accept",
                    "application/vnd.docker.distribution.manifest.v2+json,"
                        + "application/vnd.oci.image.manifest.v1+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
