package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.Json;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.ServerClient;
import dev.wharf.api.Task;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskTriggers;
import dev.wharf.engine.source.GitHttpServer;
import dev.wharf.server.auth.Role;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commit triggers on a real server (SQLite) and a repository served over git's smart HTTP on
 * loopback: each forge's signed webhooks, replays, bad signatures, other branches, and polling.
 */
class CommitTriggerTest {
  private static final String SECRET = "hook-Secret-77";

  @TempDir Path root;
  private GitRepo repo;
  private GitHttpServer git;
  private WharfServer server;
  private ServerClient client;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    repo = GitRepo.create(root, "app");
    git = new GitHttpServer(root, null, null);
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(root.resolve("data"))
            .withListen("127.0.0.1", 0)
            .withAgent(0, null);
    server = WharfServer.start(config);
    client =
        new ServerClient(
            ServerScenarios.url(server), WharfServer.createToken(config, Role.admin, "t"));
  }

  @AfterEach
  void stop() {
    server.close();
    git.close();
  }

  private void createTask(boolean pullRequests, int pollSeconds) {
    client.createTask(
        TaskDefinition.builder()
            .name("app-ci")
            .context(git.url("app.git") + "#main")
            .file("acb.yaml")
            .build()
            .withTriggers(
                new TaskTriggers(
                    new TaskTriggers.SourceTrigger(
                        true, pullRequests, "main", pollSeconds, SECRET, false),
                    null,
                    null)));
  }

  /** The repository's URL as a forge would spell it: other case, no .git. */
  private String forgeUrl() {
    return git.url("app").replace("http://127.0.0.1", "HTTP://127.0.0.1");
  }

  @Test
  void githubPush_signed_queuesOneRunAtThatCommit_evenWhenDeliveredTwice() throws Exception {
    createTask(false, 0);
    String commit = repo.commit("main", "README", "two");
    String body = githubPush("refs/heads/main", commit);
    Map<String, String> headers =
        Map.of(
            "X-GitHub-Event", "push",
            "X-GitHub-Delivery", "d-1",
            "X-Hub-Signature-256", "sha256=" + hmac(SECRET, body));

    HttpResponse<String> first = post("github", headers, body);
    HttpResponse<String> again = post("github", headers, body);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    List<Run> runs = runs();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).trigger()).isEqualTo("Commit");
    RunTrigger.Source trigger = (RunTrigger.Source) runs.get(0).triggerDetails();
    assertThat(trigger.provider()).isEqualTo("github");
    assertThat(trigger.branch()).isEqualTo("main");
    assertThat(trigger.commit()).isEqualTo(commit);
    assertThat(trigger.repository()).isEqualTo(git.url("app.git"));
    Task shown = client.task("app-ci");
    assertThat(shown.triggerState().lastDelivery()).isNotNull();
    assertThat(Json.write(shown)).doesNotContain(SECRET);
  }

  @Test
  void githubPush_badSignature_is401AndQueuesNothing() throws Exception {
    createTask(false, 0);
    String body = githubPush("refs/heads/main", repo.commit("main", "README", "two"));

    HttpResponse<String> forged =
        post(
            "github",
            Map.of(
                "X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=" + hmac("guess", body)),
            body);
    HttpResponse<String> unsigned = post("github", Map.of("X-GitHub-Event", "push"), body);

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(forged.body()).doesNotContain(SECRET);
    assertThat(runs()).isEmpty();
  }

  @Test
  void githubPush_toAnotherBranch_queuesNothing() throws Exception {
    createTask(false, 0);
    String body = githubPush("refs/heads/feature", repo.commit("feature", "README", "f"));

    HttpResponse<String> response =
        post(
            "github",
            Map.of("X-GitHub-Event", "push", "X-Hub-Signature-256", "sha256=" + hmac(SECRET, body)),
            body);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(runs()).isEmpty();
  }

  static Stream<String> forges() {
    return Stream.of("gitea", "forgejo", "gitlab", "bitbucket", "azure-devops", "github-pr");
  }

  @ParameterizedTest
  @MethodSource("forges")
  void eachForge_signedDelivery_queuesARun_andAWrongSecretIsRefused(String forge) throws Exception {
    createTask(true, 0);
    String commit = repo.commit("main", "README", forge);
    Delivery right = delivery(forge, commit, SECRET);
    Delivery wrong = delivery(forge, commit, "not-" + SECRET);

    assertThat(post(right.provider, wrong.headers, wrong.body).statusCode()).isEqualTo(401);
    assertThat(runs()).isEmpty();
    assertThat(post(right.provider, right.headers, right.body).statusCode()).isEqualTo(202);

    List<Run> runs = runs();
    assertThat(runs).hasSize(1);
    RunTrigger.Source trigger = (RunTrigger.Source) runs.get(0).triggerDetails();
    assertThat(trigger.commit()).isEqualTo(commit);
    assertThat(trigger.provider()).isEqualTo(right.provider);
    if (forge.equals("github-pr")) {
      assertThat(runs.get(0).trigger()).isEqualTo("Pull Request");
      assertThat(trigger.pullRequest()).isEqualTo(7L);
      assertThat(trigger.branch()).isEqualTo("fix");
    } else {
      assertThat(runs.get(0).trigger()).isEqualTo("Commit");
    }
  }

  @Test
  void polling_newHeadOnTheBranch_queuesARunAtThatCommit() throws Exception {
    createTask(false, 1);
    TimerServerTest.await(
        () -> client.task("app-ci").triggerState().lastCommit(), Duration.ofSeconds(20));
    assertThat(runs()).as("the first poll only learns the head").isEmpty();

    String pushed = repo.commit("main", "README", "polled");
    Run run =
        TimerServerTest.await(
            () -> runs().isEmpty() ? null : runs().get(0), Duration.ofSeconds(20));
    Thread.sleep(2500);

    assertThat(runs()).hasSize(1);
    RunTrigger.Source trigger = (RunTrigger.Source) run.triggerDetails();
    assertThat(trigger.provider()).isEqualTo("poll");
    assertThat(trigger.commit()).isEqualTo(pushed);
    assertThat(trigger.branch()).isEqualTo("main");
    assertThat(client.task("app-ci").triggerState().lastPollError()).isNull();
  }

  private List<Run> runs() {
    return client.runs(new RunFilter("app-ci", null, null, 20));
  }

  private String githubPush(String ref, String commit) {
    return Json.write(
        Map.of(
            "ref",
            ref,
            "before",
            "0".repeat(40),
            "after",
            commit,
            "deleted",
            false,
            "repository",
            Map.of(
                "full_name", "org/app", "clone_url", forgeUrl() + ".git", "html_url", forgeUrl())));
  }

  private record Delivery(String provider, Map<String, String> headers, String body) {}

  /** A delivery in the forge's own shape, signed its way with {@code secret}. */
  private Delivery delivery(String forge, String commit, String secret) throws Exception {
    Map<String, Object> repository =
        Map.of("clone_url", forgeUrl() + ".git", "html_url", forgeUrl());
    switch (forge) {
      case "gitea":
      case "forgejo":
        {
          String body =
              Json.write(
                  Map.of("ref", "refs/heads/main", "after", commit, "repository", repository));
          String prefix = forge.equals("gitea") ? "X-Gitea-" : "X-Forgejo-";
          return new Delivery(
              "gitea",
              Map.of(
                  prefix + "Event",
                  "push",
                  prefix + "Delivery",
                  "d-" + forge,
                  prefix + "Signature",
                  hmac(secret, body)),
              body);
        }
      case "gitlab":
        {
          String body =
              Json.write(
                  Map.of(
                      "object_kind",
                      "push",
                      "ref",
                      "refs/heads/main",
                      "after",
                      commit,
                      "checkout_sha",
                      commit,
                      "project",
                      Map.of("git_http_url", forgeUrl() + ".git", "web_url", forgeUrl())));
          return new Delivery(
              "gitlab",
              Map.of(
                  "X-Gitlab-Event",
                  "Push Hook",
                  "X-Gitlab-Token",
                  secret,
                  "X-Gitlab-Event-UUID",
                  "u-1"),
              body);
        }
      case "bitbucket":
        {
          String body =
              Json.write(
                  Map.of(
                      "push",
                          Map.of(
                              "changes",
                              List.of(
                                  Map.of(
                                      "new",
                                      Map.of(
                                          "type", "branch",
                                          "name", "main",
                                          "target", Map.of("hash", commit))))),
                      "repository", Map.of("links", Map.of("html", Map.of("href", forgeUrl())))));
          return new Delivery(
              "bitbucket",
              Map.of(
                  "X-Event-Key",
                  "repo:push",
                  "X-Request-UUID",
                  "r-1",
                  "X-Hub-Signature",
                  "sha256=" + hmac(secret, body)),
              body);
        }
      case "azure-devops":
        {
          String body =
              Json.write(
                  Map.of(
                      "id", "n-1",
                      "eventType", "git.push",
                      "resource",
                          Map.of(
                              "refUpdates",
                                  List.of(
                                      Map.of(
                                          "name",
                                          "refs/heads/main",
                                          "oldObjectId",
                                          "0".repeat(40),
                                          "newObjectId",
                                          commit)),
                              "repository", Map.of("remoteUrl", forgeUrl()))));
          String basic =
              Base64.getEncoder()
                  .encodeToString(("wharf:" + secret).getBytes(StandardCharsets.UTF_8));
          return new Delivery("azure-devops", Map.of("Authorization", "Basic " + basic), body);
        }
      default:
        {
          String body =
              Json.write(
                  Map.of(
                      "action",
                      "synchronize",
                      "number",
                      7,
                      "pull_request",
                      Map.of(
                          "number", 7,
                          "head", Map.of("ref", "fix", "sha", commit),
                          "base", Map.of("ref", "main")),
                      "repository",
                      repository));
          return new Delivery(
              "github",
              Map.of(
                  "X-GitHub-Event",
                  "pull_request",
                  "X-GitHub-Delivery",
                  "p-1",
                  "X-Hub-Signature-256",
                  "sha256=" + hmac(secret, body)),
              body);
        }
    }
  }

  private HttpResponse<String> post(String provider, Map<String, String> headers, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(ServerScenarios.url(server).resolve("/api/v1/hooks/" + provider))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
