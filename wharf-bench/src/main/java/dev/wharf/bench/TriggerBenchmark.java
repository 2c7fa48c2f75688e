package dev.wharf.bench;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.ServerClient;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskTriggers;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.RunExecutor;
import dev.wharf.server.agent.RunOutcome;
import dev.wharf.server.auth.Role;
import dev.wharf.server.trigger.BaseImageSettings;
import dev.wharf.server.trigger.RegistryHookHeader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The trigger benchmark of issue 11, a plain program (wall-clock times across HTTP and processes):
 * (a) a signed GitHub push webhook to the run it queues, on a server on SQLite with no agent; (b) a
 * manifest pushed to a real {@code docker-registry} (Debian's package) that notifies the server, to
 * the Image Update run of the task built on it (each run finished before the next push, by an
 * embedded agent whose executor reports the base image at its new digest).
 */
public final class TriggerBenchmark {
  private static final int WEBHOOKS = 200;
  private static final int PUSHES = 30;
  private static final String SECRET = "bench-secret";
  private static final String HOOK = "Bearer bench-hook";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TriggerBenchmark() {}

  /** Runs both measurements and prints them as Markdown table rows. */
  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("wharf-trigger-bench");
    webhooks(work.resolve("webhooks"));
    registryPushes(work.resolve("registry"));
  }

  private static void webhooks(Path dataDir) throws Exception {
    ServerConfig config =
        ServerConfig.defaults().withDataDir(dataDir).withListen("127.0.0.1", 0).withAgent(0, null);
    try (WharfServer server = WharfServer.start(config)) {
      String url = "http://127.0.0.1:" + server.port();
      ServerClient client =
          new ServerClient(URI.create(url), WharfServer.createToken(config, Role.admin, "b"));
      client.createTask(
          TaskDefinition.builder()
              .name("hooked")
              .context("http://git.example/org/app.git#main")
              .file("acb.yaml")
              .build()
              .withTriggers(
                  new TaskTriggers(
                      new TaskTriggers.SourceTrigger(true, false, "main", 0, SECRET, false),
                      null,
                      null)));
      double[] millis = new double[WEBHOOKS];
      for (int i = -20; i < WEBHOOKS; i++) {
        String commit = sha1Like();
        String body =
            "{\"ref\":\"refs/heads/main\",\"after\":\""
                + commit
                + "\",\"repository\":{\"clone_url\":\"http://git.example/org/app.git\"}}";
        long posted = System.nanoTime();
        HttpResponse<String> response =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/api/v1/hooks/github"))
                    .header("X-GitHub-Event", "push")
                    .header("X-Hub-Signature-256", "sha256=" + hmac(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        if (response.statusCode() != 202 || !response.body().contains("wa")) {
          throw new IllegalStateException("no run queued: " + response.body());
        }
        if (i >= 0) {
          millis[i] = (answered - posted) / 1e6;
        }
      }
      print("(a) signed GitHub push webhook to run queued, " + WEBHOOKS + " deliveries", millis);
    }
  }

  private static void registryPushes(Path dir) throws Exception {
    int registryPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      registryPort = socket.getLocalPort();
    }
    String host = "127.0.0.1:" + registryPort;
    AtomicReference<String> current = new AtomicReference<>();
    RunExecutor builtOnBase =
        (job, log, cancel) ->
            new RunOutcome(
                RunStatus.Succeeded,
                null,
                List.of(),
                List.of(new BaseImageDependency(host, "base", "1", current.get(), "RunTime")),
                List.of());
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(dir.resolve("data"))
            .withListen("127.0.0.1", 0)
            .withAgent(1, builtOnBase)
            .withBaseImages(
                new BaseImageSettings(
                    RegistryHookHeader.parse("Authorization: " + HOOK), Duration.ZERO));
    try (WharfServer server = WharfServer.start(config)) {
      String url = "http://127.0.0.1:" + server.port();
      Process registry = startRegistry(dir.resolve("registry"), registryPort, url);
      try {
        ServerClient client =
            new ServerClient(URI.create(url), WharfServer.createToken(config, Role.admin, "b"));
        current.set(push(host, new Instant[1]));
        client.createTask(TaskDefinition.builder().name("on-base").taskText("x").build());
        awaitEnded(client, client.runTask("on-base", TaskRunOverrides.none()).runId());
        double[] millis = new double[PUSHES];
        for (int i = -3; i < PUSHES; i++) {
          Instant[] manifestSent = new Instant[1];
          String digest = push(host, manifestSent);
          Instant pushed = manifestSent[0];
          current.set(digest);
          Run run = awaitUpdate(client, digest);
          if (i >= 0) {
            millis[i] = Duration.between(pushed, run.createTime()).toNanos() / 1e6;
          }
          awaitEnded(client, run.runId());
        }
        print(
            "(b) manifest push to the dependent task's run queued (notification), "
                + PUSHES
                + " pushes",
            millis);
      } finally {
        registry.destroy();
        registry.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static Run awaitUpdate(ServerClient client, String digest) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      for (Run run : client.runs(new RunFilter("on-base", null, null, 5))) {
        if (run.triggerDetails() instanceof RunTrigger.ImageUpdate update
            && update.newDigest().equals(digest)) {
          return run;
        }
      }
      Thread.sleep(2);
    }
    throw new IllegalStateException("no Image Update run for " + digest);
  }

  private static void awaitEnded(ServerClient client, String runId) throws InterruptedException {
    while (!client.run(runId).status().isTerminal()) {
      Thread.sleep(5);
    }
  }

  private static Process startRegistry(Path dir, int port, String server) throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        "version: 0.1\nlog: {level: error}\n"
            + "storage: {filesystem: {rootdirectory: "
            + dir.resolve("data")
            + "}}\nhttp: {addr: 127.0.0.1:"
            + port
            + "}\nnotifications: {endpoints: [{name: wharf, url: \""
            + server
            + "/api/v1/hooks/registry\", headers: {Authorization: [\""
            + HOOK
            + "\"]}, timeout: 2s, threshold: 3, backoff: 1s,"
            + " ignoredmediatypes: [application/octet-stream]}]}\n");
    Process process =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    for (int i = 0; i < 200; i++) {
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return process;
        }
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroy();
    throw new IllegalStateException("docker-registry did not start");
  }

  /**
   * Pushes a new one-layer image as {@code base:1} over the registry's API; answers its digest and
   * puts in {@code manifestSent} when its manifest (the push's last request) was sent.
   */
  private static String push(String host, Instant[] manifestSent) throws Exception {
    byte[] layer = ("layer " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\""
                + digest(layer)
                + "\"]},\"config\":{}}")
            .getBytes(StandardCharsets.UTF_8);
    upload(host, layer);
    upload(host, config);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":"
            + "\"application/vnd.docker.distribution.manifest.v2+json\",\"config\":{\"mediaType\":"
            + "\"application/vnd.docker.container.image.v1+json\",\"size\":"
            + config.length
            + ",\"digest\":\""
            + digest(config)
            + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\","
            + "\"size\":"
            + layer.length
            + ",\"digest\":\""
            + digest(layer)
            + "\"}]}";
    manifestSent[0] = Instant.now();
    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://" + host + "/v2/base/manifests/1"))
                .header("Content-Type", "application/vnd.docker.distribution.manifest.v2+json")
                .PUT(HttpRequest.BodyPublishers.ofString(manifest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IOException("pushing the manifest: " + put.statusCode());
    }
    return digest(manifest.getBytes(StandardCharsets.UTF_8));
  }

  private static void upload(String host, byte[] blob) throws Exception {
    HttpResponse<Void> start =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://" + host + "/v2/base/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    URI upload =
        URI.create("http://" + host).resolve(start.headers().firstValue("Location").orElseThrow());
    String separator = upload.getQuery() == null ? "?" : "&";
    HttpResponse<Void> put =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest(blob)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (put.statusCode() != 201) {
      throw new IOException("uploading a blob: " + put.statusCode());
    }
  }

  private static String digest(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String sha1Like() {
    return UUID.randomUUID().toString().replace("-", "") + "01234567";
  }

  private static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static void print(String what, double[] millis) {
    Arrays.sort(millis);
    System.out.printf(
        "| %s | median %.1f ms | p95 %.1f ms | max %.1f ms |%n",
        what,
        millis[millis.length / 2],
        millis[(int) (millis.length * 0.95)],
        millis[millis.length - 1]);
  }
}
