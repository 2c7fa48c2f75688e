package dev.wharf.bench;

import dev.wharf.api.Json;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.RunType;
import dev.wharf.api.StepTiming;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.BlobStore;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.NewRun;
import dev.wharf.server.store.RunStore;
import dev.wharf.server.store.SecretBox;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The web UI's page times on SQLite, as a plain program (wall-clock times across HTTP): the runs
 * page with 10,000 runs stored (first page and a page deep in the list), and the page of a run with
 * 50 steps and a 100,000-line log.
 */
public final class WebUiBenchmark {
  private static final int STORED_RUNS = 10_000;
  private static final int STEPS = 50;
  private static final int LOG_LINES = 100_000;
  private static final int SAMPLES = 30;

  private WebUiBenchmark() {}

  /** Stores the runs and the log, then prints one Markdown table row per page. */
  public static void main(String[] args) throws Exception {
    Path dataDir = Files.createTempDirectory("wharf-ui-bench");
    ServerConfig config =
        ServerConfig.defaults().withDataDir(dataDir).withListen("127.0.0.1", 0).withAgent(0, null);
    String token = WharfServer.createToken(config, Role.read, "bench");
    String bigRun = store(config);
    try (WharfServer server = WharfServer.start(config)) {
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newHttpClient();
      String cookie = signIn(http, base, token);
      time(http, cookie, "`/runs`, 10,000 runs, first page of 50", base + "/runs");
      time(
          http,
          cookie,
          "`/runs?before=…`, the page after the 5,000th run",
          base + "/runs?before=wa" + Long.toString(STORED_RUNS / 2, 36));
      time(http, cookie, "`/runs?status=Failed`, first page", base + "/runs?status=Failed");
      time(
          http,
          cookie,
          "`/runs/" + bigRun + "`, 50 steps, 100,000 log lines (last 1,000 shown)",
          base + "/runs/" + bigRun);
    }
  }

  /** Stores 10,000 ended runs and, as the newest, one with 50 steps and a long log. */
  private static String store(ServerConfig config) {
    SecretBox box = SecretBox.openOrCreate(config.effectiveKeyFile());
    RunSpec spec = RunSpec.inline("stored");
    String sealed = box.seal(Json.write(spec));
    List<StepTiming> steps = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      // five parallel chains of ten steps, joined at the end
      List<String> after = i < 5 ? List.of() : List.of("step-" + (i - 5));
      steps.add(new StepTiming("step-" + i, "successful", 1 + (i % 7) * 0.5, after));
    }
    String bigRun;
    try (Database db = Database.open(config.jdbcUrl())) {
      bigRun =
          db.write(
              handle -> {
                long now = System.currentTimeMillis();
                String last = null;
                for (int i = 0; i < STORED_RUNS; i++) {
                  last =
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
                                  now + i))
                          .runId();
                }
                handle
                    .createUpdate(
                        "UPDATE runs SET status = CASE WHEN seq % 10 = 0 THEN 'Failed'"
                            + " ELSE 'Succeeded' END, start_time = create_time,"
                            + " finish_time = create_time + 5000")
                    .execute();
                handle
                    .createUpdate("UPDATE runs SET steps = :steps WHERE run_id = :runId")
                    .bind("steps", Json.write(steps))
                    .bind("runId", last)
                    .execute();
                return last;
              });
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      for (int i = 0; i < LOG_LINES; i++) {
        String line =
            i % 2000 == 0
                ? "2026/12/02 06:00:00 Executing step ID: step-"
                    + (i / 2000)
                    + ". Timeout(sec): 600, Working directory: '', Network: 'n'\n"
                : "[step-" + (i / 2000) + "] output line " + i + " of the step\n";
        log.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      }
      BlobStore.forServer(db, config.dataDir()).appendLog(bigRun, log.toByteArray());
    }
    return bigRun;
  }

  private static String signIn(HttpClient http, String base, String token) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String header = response.headers().firstValue("Set-Cookie").orElseThrow();
    return header.substring(0, header.indexOf(';'));
  }

  private static void time(HttpClient http, String cookie, String label, String url)
      throws Exception {
    double[] millis = new double[SAMPLES];
    long bytes = 0;
    for (int i = -10; i < SAMPLES; i++) { // the first ten warm the JIT and are not counted
      long start = System.nanoTime();
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(url + " answered " + response.statusCode());
      }
      if (i >= 0) {
        millis[i] = (System.nanoTime() - start) / 1e6;
        bytes = response.body().length;
      }
    }
    Arrays.sort(millis);
    System.out.printf(
        "| %s | median %.1f ms | p90 %.1f ms | %d KiB |%n",
        label, millis[SAMPLES / 2], millis[(int) (SAMPLES * 0.9)], bytes / 1024);
  }
}
