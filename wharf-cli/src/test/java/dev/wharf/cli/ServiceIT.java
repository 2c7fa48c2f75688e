package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.wharf.api.Json;
import dev.wharf.engine.StepStatus;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.source.GitRepos;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.TestRegistry;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import dev.wharf.server.trigger.BaseImageSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service end to end: a server started here on SQLite with the real engine, driven through the
 * command line as a user drives it.
 */
@DockerTest
class ServiceIT {
  private static final String SECRET = "s3cr3t-Value-4711";

  @TempDir static Path dataDir;
  @TempDir Path work;

  private static WharfServer server;
  private static String url;
  private static String token;

  @BeforeAll
  static void startServer() {
    // a random prefix keeps these runs' container labels apart from other servers' on the engine
    char letter = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(dataDir)
            .withListen("127.0.0.1", 0)
            .withRunIdPrefix("q" + letter)
            // no digest polling: the tasks' base images are on Docker Hub, out of the tests' reach
            .withBaseImages(new BaseImageSettings(null, Duration.ZERO))
            .withAgent(2, new EngineRunExecutor(LocalDocker.REGISTRY).withLocalContexts(true));
    server = WharfServer.start(config);
    url = "http://127.0.0.1:" + server.port();
    token = WharfServer.createToken(config, Role.admin, "it");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private record Result(int status, String out, String err) {}

  private Result wharf(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int at = all.indexOf("--");
    List<String> flags = List.of("--server", url, "--token", token);
    all.remove(at);
    all.addAll(at, flags);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), work);
    return new Result(status, out.toString(), err.toString());
  }

  private Result local(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.execute(args, new PrintWriter(out), new PrintWriter(err), work);
    return new Result(status, out.toString(), err.toString());
  }

  private static String queuedRunId(Result result) {
    Matcher id = Pattern.compile("Queued a run with ID: (\\S+)").matcher(result.err());
    assertThat(id.find()).as(result.err()).isTrue();
    return id.group(1);
  }

  @Test
  void sameTask_locallyAndThroughTheServer_endsWithTheSameStepResults() throws Exception {
    Files.writeString(
        work.resolve("timed.yaml"),
        "version: v1.1.0\ntotalTimeout: 10\nsteps:\n"
            + "  - id: fails\n    cmd: wharf-test/busybox false\n    ignoreErrors: true\n"
            + "  - id: slow\n    cmd: wharf-test/busybox sleep 60\n    when: [fails]\n");

    Result local = local("run", "-o", "json", "-f", "timed.yaml", "/dev/null");
    Result remote = wharf("run", "--", "-f", "timed.yaml", "/dev/null");
    Result shown = wharf("task", "show-run", "--", "--run-id", queuedRunId(remote), "-o", "json");

    JsonNode finished =
        local
            .out()
            .lines()
            .map(line -> Json.read(line, JsonNode.class))
            .filter(event -> event.path("event").asText().equals("runFinished"))
            .findFirst()
            .orElseThrow();
    Map<String, String> localSteps = new LinkedHashMap<>();
    for (JsonNode step : finished.path("steps")) {
      localSteps.put(
          step.path("step").asText(),
          StepStatus.valueOf(step.path("status").asText().toUpperCase(Locale.ROOT)).tableLabel());
    }
    JsonNode run = Json.read(shown.out(), JsonNode.class);
    Map<String, String> serverSteps = new LinkedHashMap<>();
    for (JsonNode step : run.path("steps")) {
      serverSteps.put(step.path("id").asText(), step.path("status").asText());
    }
    assertThat(local.status()).as(local.err()).isEqualTo(1);
    assertThat(remote.status()).as(remote.err()).isEqualTo(1);
    assertThat(finished.path("status").asText()).isEqualTo("timed_out");
    assertThat(run.path("status").asText()).isEqualTo("Timeout");
    // which step the deadline catches depends on the machine's speed; both paths agree on it
    assertThat(serverSteps).isEqualTo(localSteps).containsKeys("fails", "slow");
    assertThat(serverSteps.get("slow")).isIn("timed out", "skipped");
    // the task's totalTimeout of 10 s ended the server's run too, not the run's 3600 s timeout
    assertThat(
            Duration.between(
                Instant.parse(run.path("startTime").asText()),
                Instant.parse(run.path("finishTime").asText())))
        .isLessThan(Duration.ofSeconds(50));
  }

  @Test
  void quickRun_valuesFileSetSecretAndRegistry_reachTheTaskLikeALocalRun() throws Exception {
    Path context = Files.createDirectories(work.resolve("values-ctx"));
    Files.writeString(
        context.resolve("acb.yaml"),
        "version: v1.1.0\nsteps:\n"
            + "  - cmd: wharf-test/busybox echo f={{.Values.f}} s={{.Values.s}}"
            + " p={{.Values.p}} r={{.Run.Registry}}\n");
    Files.writeString(context.resolve("values.yaml"), "f: from-file\ns: from-file\n");
    String[] flags = {
      "--values",
      "values.yaml",
      "--set",
      "s=from-set",
      "--set-secret",
      "p=" + SECRET,
      "-r",
      "reg.example.io",
      "values-ctx"
    };

    Result remote = wharf(concat(new String[] {"run", "--"}, flags));
    Result locally = local(concat(new String[] {"run"}, flags));

    String expected = "f=from-file s=from-set p=*** r=reg.example.io";
    assertThat(remote.status()).as(remote.err()).isZero();
    // a run through a server prints its log on stderr, as a local run prints acb's lines
    assertThat(remote.err()).contains(expected);
    assertThat(remote.out() + remote.err()).doesNotContain(SECRET);
    assertThat(locally.status()).as(locally.err()).isZero();
    assertThat(locally.out()).contains(expected).doesNotContain(SECRET);
  }

  @Test
  void savedTask_valuesFileAndRunOverrides_areReadFromTheRunsContext() throws Exception {
    Files.writeString(
        work.resolve("vtask.yaml"),
        "version: v1.1.0\nsteps:\n"
            + "  - cmd: wharf-test/busybox echo a={{.Values.a}} f={{.Values.f}} s={{.Values.s}}\n");
    Path context = Files.createDirectories(work.resolve("vtask-ctx"));
    Files.writeString(context.resolve("v.yaml"), "f: from-context\n");
    Files.writeString(work.resolve("other.yaml"), "f: from-working-folder\n");

    Result created =
        wharf(
            "task",
            "create",
            "--",
            "-n",
            "values-task",
            "-c",
            "/dev/null",
            "-f",
            "vtask.yaml",
            "--values",
            "v.yaml",
            "--set",
            "a=saved");
    Result saved =
        wharf(
            "task",
            "run",
            "--",
            "-n",
            "values-task",
            "-c",
            "vtask-ctx",
            "--set-secret",
            "s=" + SECRET);
    Result overridden =
        wharf(
            "task",
            "run",
            "--",
            "-n",
            "values-task",
            "-c",
            "vtask-ctx",
            "--values",
            "other.yaml",
            "--set",
            "a=run");
    wharf("task", "delete", "--", "-n", "values-task");

    assertThat(created.status()).as(created.err()).isZero();
    assertThat(saved.status()).as(saved.out() + saved.err()).isZero();
    assertThat(saved.err()).contains("a=saved f=from-context s=***");
    assertThat(saved.out() + saved.err()).doesNotContain(SECRET);
    assertThat(overridden.status()).as(overridden.out() + overridden.err()).isZero();
    assertThat(overridden.err()).contains("a=run f=from-working-folder s=");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void quickRun_succeeding_streamsTheLogWithTheUploadedContextAndExitsZero() throws Exception {
    Path context = Files.createDirectories(work.resolve("ctx"));
    Files.writeString(context.resolve("note.txt"), "note-from-the-context\n");
    Files.writeString(
        context.resolve("acb.yaml"),
        "version: v1.1.0\nsteps:\n"
            + "  - cmd: wharf-test/busybox echo hello {{.Run.ID}} {{.Values.who}}\n"
            + "  - cmd: wharf-test/busybox cat /workspace/note.txt\n");

    Result run = wharf("run", "--", "--set", "who=server", "ctx");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.err()).contains("Queued a run with ID: q");
    // the log goes to stderr, as a local run prints it
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("hello q")
        .contains("server")
        .contains("note-from-the-context")
        .contains("was successful after");
  }

  @Test
  void quickRun_log_arrivesWhileTheRunGoesOn() {
    StringBuffer seen = new StringBuffer();
    AtomicReference<String> statusAtFirstLine = new AtomicReference<>();
    Writer live =
        new Writer() {
          @Override
          public void write(char[] chars, int offset, int length) {
            seen.append(chars, offset, length);
            if (statusAtFirstLine.get() == null && seen.indexOf("first-line") >= 0) {
              String queued = seen.substring(seen.indexOf("with ID: ") + "with ID: ".length());
              statusAtFirstLine.set(status(queued.substring(0, queued.indexOf('\n')).trim()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    String[] args = {
      "run",
      "--server",
      url,
      "--token",
      token,
      "--cmd",
      "wharf-test/busybox sh -c 'echo first-line; sleep 3; echo second-line'",
      "/dev/null"
    };
    int status = Main.execute(args, new PrintWriter(live), new PrintWriter(live), work);

    assertThat(status).as(seen.toString()).isZero();
    assertThat(statusAtFirstLine.get()).isEqualTo("Running");
    assertThat(seen.toString()).contains("second-line");
  }

  @Test
  void serverLog_oneInfoLinePerStateChange_andQuietSilencesThem() {
    ch.qos.logback.classic.Logger queue =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(dev.wharf.server.queue.RunQueue.class);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
        new ch.qos.logback.core.read.ListAppender<>();
    lines.start();
    queue.addAppender(lines);
    try {
      ServerStart.serverLogLevel(false);
      Result run = wharf("run", "--", "--cmd", "wharf-test/busybox true", "/dev/null");
      assertThat(run.status()).as(run.err()).isZero();
      String id = run.err().replaceAll("(?s).*Queued a run with ID: (\\w+).*", "$1");
      List<String> mine =
          lines.list.stream()
              .map(e -> e.getFormattedMessage())
              .filter(m -> m.startsWith("run " + id + " "))
              .toList();
      assertThat(mine).hasSize(3);
      assertThat(mine.get(0)).startsWith("run " + id + " queued (");
      assertThat(mine.get(1)).isEqualTo("run " + id + " started");
      assertThat(mine.get(2)).matches("run " + id + " finished: Succeeded after \\d+s");

      lines.list.clear();
      ServerStart.serverLogLevel(true);
      assertThat(wharf("run", "--", "--cmd", "wharf-test/busybox true", "/dev/null").status())
          .isZero();
      assertThat(lines.list).isEmpty();
    } finally {
      queue.detachAppender(lines);
      ServerStart.serverLogLevel(true);
    }
  }

  @Test
  void unknownToken_exitsThreeWithAHintToCreateOneForThatServer() {
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            new String[] {"task", "list", "--server", url, "--token", "wharf_not-a-token"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            work);

    assertThat(status).isEqualTo(Main.EXIT_ENVIRONMENT);
    assertThat(err.toString())
        .contains("unknown API token")
        .contains("hint: ")
        .contains("wharf server token create")
        .contains("--data-dir")
        .doesNotContain("wharf_not-a-token");
  }

  @Test
  void quickRun_failing_exitsOneAndTheRunIsFailed() {
    Result run = wharf("run", "--", "--cmd", "wharf-test/busybox sh -c 'exit 3'", "/dev/null");

    assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.err()).contains("ended as Failed");
  }

  @Test
  void quickBuild_pushes_recordsTheImageWithItsDigest(DockerClient docker) throws Exception {
    Path context = Files.createDirectories(work.resolve("app"));
    Files.writeString(context.resolve("Dockerfile"), "FROM wharf-test/busybox\nRUN echo built\n");

    Result build =
        wharf(
            "build", "--", "-r", LocalDocker.REGISTRY, "-t", "wharf-it/service:{{.Run.ID}}", "app");
    Result runs = wharf("task", "list-runs", "--", "--top", "1", "-o", "json");
    // the build stays on the engine and in the registry, as a user wants it; the test does not
    String built = LocalDocker.REGISTRY + "/wharf-it/service:" + queuedRunId(build);
    try {
      docker.removeImageCmd(built).withForce(true).exec();
    } catch (NotFoundException notBuilt) {
      // the assertions below say why
    }
    TestRegistry.delete(built);

    assertThat(build.status()).as(build.out() + build.err()).isZero();
    JsonNode run = Json.read(runs.out(), JsonNode.class).get(0);
    assertThat(run.path("runType").asText()).isEqualTo("QuickBuild");
    JsonNode image = run.path("outputImages").get(0);
    assertThat(image.path("registry").asText()).isEqualTo(LocalDocker.REGISTRY);
    assertThat(image.path("repository").asText()).isEqualTo("wharf-it/service");
    assertThat(image.path("tag").asText()).isEqualTo(run.path("runId").asText());
    assertThat(image.path("digest").asText()).startsWith("sha256:");
  }

  @Test
  void task_createRunListShowLogs_secretNeverShown() throws Exception {
    Files.writeString(
        work.resolve("task.yaml"),
        "version: v1.1.0\nsteps:\n"
            + "  - id: say\n"
            + "    cmd: wharf-test/busybox echo token={{.Values.password}} greeting={{.Values.hi}}\n");

    Result created =
        wharf(
            "task",
            "create",
            "--",
            "-n",
            "secret-task",
            "-c",
            "/dev/null",
            "-f",
            "task.yaml",
            "--set",
            "hi=hej",
            "--set-secret",
            "password=" + SECRET);
    Result ran = wharf("task", "run", "--", "-n", "secret-task");
    Result runs = wharf("task", "list-runs", "--", "-n", "secret-task");
    String runId = runs.out().lines().skip(2).findFirst().orElseThrow().split("\\s+")[0];
    Result shown = wharf("task", "show-run", "--", "--run-id", runId, "-o", "json");
    Result logs = wharf("task", "logs", "--", "--run-id", runId);
    Result lastLogs = wharf("task", "logs", "--", "-n", "secret-task");
    Result task = wharf("task", "show", "--", "-n", "secret-task", "-o", "json");
    Result tasks = wharf("task", "list", "--", "-o", "json");
    Result runsJson = wharf("task", "list-runs", "--", "-o", "json");

    assertThat(created.status()).as(created.err()).isZero();
    assertThat(ran.status()).as(ran.err()).isZero();
    assertThat(ran.err()).contains("token=***", "greeting=hej");
    assertThat(runs.out())
        .startsWith("RUN ID")
        .contains("TASK", "PLATFORM", "STATUS", "TRIGGER", "STARTED", "DURATION")
        .contains("secret-task", "Succeeded", "Manual");
    JsonNode run = Json.read(shown.out(), JsonNode.class);
    assertThat(run.path("status").asText()).isEqualTo("Succeeded");
    assertThat(run.path("task").asText()).isEqualTo("secret-task");
    assertThat(logs.out()).contains("token=***").isEqualTo(lastLogs.out());
    assertThat(task.out()).contains("password").contains("hi");
    Result updated =
        wharf("task", "update", "--", "-n", "secret-task", "--status", "Disabled", "--set", "x=1");
    Result refused = wharf("task", "run", "--", "-n", "secret-task");
    Result labelled =
        wharf(
            "task",
            "update",
            "--",
            "-n",
            "secret-task",
            "--agent-label",
            "zone=eu",
            "--agent-label",
            "disk=ssd");
    Result labelsShown = wharf("task", "show", "--", "-n", "secret-task");
    Result cleared = wharf("task", "update", "--", "-n", "secret-task", "--agent-label", "");
    Result clearedShown = wharf("task", "show", "--", "-n", "secret-task", "-o", "json");
    assertThat(labelled.status()).as(labelled.err()).isZero();
    assertThat(labelsShown.out()).contains("Agent labels:   disk=ssd, zone=eu");
    assertThat(cleared.status()).as(cleared.err()).isZero();
    assertThat(Json.read(clearedShown.out(), JsonNode.class).path("agentLabels").isEmpty())
        .as(clearedShown.out())
        .isTrue();
    Result deleted = wharf("task", "delete", "--", "-n", "secret-task");
    Result afterDelete = wharf("task", "list", "--");
    assertThat(updated.status()).as(updated.err()).isZero();
    assertThat(updated.out()).contains("secret-task", "Disabled");
    assertThat(refused.status()).isEqualTo(Main.EXIT_ENVIRONMENT);
    assertThat(refused.err()).contains("disabled");
    assertThat(deleted.status()).isZero();
    assertThat(afterDelete.out()).doesNotContain("secret-task");
    for (Result result :
        List.of(created, ran, runs, shown, logs, lastLogs, task, tasks, runsJson, updated)) {
      assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }
  }

  @Test
  void taskRun_gitContext_runsTheRepositorysTaskAtItsCommit() throws Exception {
    Path repo = Files.createDirectories(work.resolve("repo"));
    Files.writeString(
        repo.resolve("acb.yaml"),
        "version: v1.1.0\nsteps:\n"
            + "  - cmd: wharf-test/busybox sh -c 'cat /workspace/version.txt; echo {{.Run.Commit}}'\n");
    Files.writeString(repo.resolve("version.txt"), "version-from-git\n");
    GitRepos.git(repo, "init", "-q", "-b", "main");
    GitRepos.git(repo, "add", "-A");
    GitRepos.git(repo, "commit", "-qm", "t");
    String commit = GitRepos.git(repo, "rev-parse", "HEAD");
    Path bare = work.resolve("repo.git");
    GitRepos.git(work, "clone", "-q", "--bare", repo.toString(), bare.toString());
    String context = bare.toUri().toString().replaceFirst("/$", "") + "#main";

    Result created = wharf("task", "create", "--", "-n", "git-task", "-c", context);
    Result ran = wharf("task", "run", "--", "-n", "git-task");

    assertThat(created.status()).as(created.err()).isZero();
    assertThat(ran.status()).as(ran.out() + ran.err()).isZero();
    assertThat(ran.err()).contains("version-from-git", commit);
  }

  @Test
  void cancelRun_running_endsCanceledAndLeavesNoContainers(DockerClient docker) {
    Result queued =
        wharf(
            "run",
            "--",
            "--no-wait",
            "-o",
            "json",
            "--cmd",
            "wharf-test/busybox sleep 120",
            "/dev/null");
    assertThat(queued.status()).as(queued.err()).isZero();
    Result table = wharf("run", "--", "--no-wait", "--cmd", "wharf-test/busybox true", "/dev/null");
    assertThat(table.out()).startsWith("RUN ID").doesNotContain("{");
    String runId = Json.read(queued.out(), JsonNode.class).path("runId").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !containers(docker, runId).isEmpty() && status(runId).equals("Running"));

    Result cancel = wharf("task", "cancel-run", "--", "--run-id", runId);

    assertThat(cancel.status()).as(cancel.err()).isZero();
    await().atMost(Duration.ofSeconds(60)).until(() -> status(runId).equals("Canceled"));
    assertThat(containers(docker, runId)).isEmpty();
  }

  private String status(String runId) {
    Result shown = wharf("task", "show-run", "--", "--run-id", runId, "-o", "json");
    return Json.read(shown.out(), JsonNode.class).path("status").asText();
  }

  private static List<?> containers(DockerClient docker, String runId) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(ContainerEngine.RUN_ID_LABEL, runId))
        .exec();
  }
}
