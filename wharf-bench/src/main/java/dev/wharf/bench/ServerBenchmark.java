package dev.wharf.bench;

import dev.wharf.api.Json;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.RunExecutor;
import dev.wharf.server.agent.RunOutcome;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.NewRun;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The server benchmark of issue 6, a plain program because both figures are wall-clock times across
 * HTTP and threads: (a) queue-to-start latency with an idle embedded agent, (b) list-runs
 * throughput with 10,000 runs stored, both on SQLite.
 */
public final class ServerBenchmark {
  private static final int LATENCY_RUNS = 200;
  private static final int STORED_RUNS = 10_000;
  private static final int CLIENT_THREADS = 4;
  private static final long THROUGHPUT_MILLIS = 10_000;

  private ServerBenchmark() {}

  /** Runs both measurements and prints them as Markdown table rows. */
  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("wharf-server-bench");
    queueToStart(work.resolve("latency"));
    listRuns(work.resolve("list"));
  }

  private static void queueToStart(Path dataDir) throws Exception {
    Map<String, Long> calledAt = new ConcurrentHashMap<>();
    RunExecutor fast =
        (job, log, cancel) -> {
          calledAt.put(job.runId(), System.nanoTime());
          return RunOutcome.succeeded();
        };
    ServerConfig config =
        ServerConfig.defaults().withDataDir(dataDir).withListen("127.0.0.1", 0).withAgent(1, fast);
    String token = WharfServer.createToken(config, Role.admin, "bench");
    try (WharfServer server = WharfServer.start(config)) {
      ServerClient client =
          new ServerClient(URI.create("http://127.0.0.1:" + server.port()), token);
      double[] millis = new double[LATENCY_RUNS];
      for (int i = -20; i < LATENCY_RUNS; i++) { // the first 20 warm the JIT and are not counted
        long posted = System.nanoTime();
        String runId = client.queue(RunType.QuickRun, RunSpec.inline("fast")).runId();
        while (!calledAt.containsKey(runId) || !client.run(runId).status().isTerminal()) {
          Thread.sleep(1);
        }
        if (i >= 0) {
          millis[i] = (calledAt.get(runId) - posted) / 1e6;
        }
      }
      Arrays.sort(millis);
      System.out.printf(
          "| (a) queue-to-start, idle agent, %d runs | median %.1f ms | p95 %.1f ms | max %.1f ms"
              + " |%n",
          LATENCY_RUNS,
          millis[LATENCY_RUNS / 2],
          millis[(int) (LATENCY_RUNS * 0.95)],
          millis[LATENCY_RUNS - 1]);
    }
  }

  private static void listRuns(Path dataDir) throws Exception {
    ServerConfig config =
        ServerConfig.defaults().withDataDir(dataDir).withListen("127.0.0.1", 0).withAgent(0, null);
    String token = WharfServer.createToken(config, Role.read, "bench");
    store(config);
    try (WharfServer server = WharfServer.start(config)) {
      String base = "http://127.0.0.1:" + server.port() + "/api/v1/runs?top=15";
      throughput("(b) list-runs `?top=15`", base, token);
      throughput("(b) list-runs `?top=15&status=Failed`", base + "&status=Failed", token);
    }
  }

  /** Stores 10,000 runs in one transaction, one in ten of them failed, the rest succeeded. */
  private static void store(ServerConfig config) {
    SecretBox box = SecretBox.openOrCreate(config.effectiveKeyFile());
    RunSpec spec = RunSpec.inline("stored");
    String sealed = box.seal(Json.write(spec));
    try (Database db = Database.open(config.jdbcUrl())) {
      db.write(
          handle -> {
            long now = System.currentTimeMillis();
            for (int i = 0; i < STORED_RUNS; i++) {
              RunStore.insert(
                  handle,
                  new NewRun(
                      "wa",
                      RunType.QuickRun,
                      null,
                      RunTrigger.MANUAL,
                      spec,
                      sealed,
                      "default",
                      Map.of(),
                      now + i));
            }
            return handle
                .createUpdate(
                    "UPDATE runs SET status = CASE WHEN seq % 10 = 0 THEN 'Failed'"
                        + " ELSE 'Succeeded' END")
                .execute();
          });
    }
  }

  private static void throughput(String label, String url, String token) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    for (int i = 0; i < 200; i++) { // warm-up
      check(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(THROUGHPUT_MILLIS);
    List<Future<List<Long>>> workers = new ArrayList<>();
    for (int t = 0; t < CLIENT_THREADS; t++) {
      workers.add(
          pool.submit(
              () -> {
                List<Long> nanos = new ArrayList<>();
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  check(http.send(request, HttpResponse.BodyHandlers.ofString()));
                  nanos.add(System.nanoTime() - start);
                }
                return nanos;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> worker : workers) {
      all.addAll(worker.get());
    }
    pool.shutdown();
    all.sort(null);
    System.out.printf(
        "| %s, %d runs stored, %d client threads | %.0f req/s | median %.1f ms | p95 %.1f ms |%n",
        label,
        STORED_RUNS,
        CLIENT_THREADS,
        all.size() / (THROUGHPUT_MILLIS / 1000.0),
        all.get(all.size() / 2) / 1e6,
        all.get((int) (all.size() * 0.95)) / 1e6);
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200 || !response.body().startsWith("[")) {
      throw new IllegalStateException(
          "list-runs answered " + response.statusCode() + ": " + response.body());
    }
  }
}
