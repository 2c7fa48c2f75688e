package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A packaged {@code wharf server --max-upload-size 64k} takes uploads up to 64 KiB and refuses
 * bigger ones with {@code 413} and a message naming the limit, which {@code wharf run --server}
 * shows with what to do (docs/security.md#limits).
 */
class UploadLimitIT {
  private static final int LIMIT = 64 * 1024;

  @TempDir Path data;
  @TempDir Path work;

  private Process server;

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void uploadAboveMaxUploadSize_is413NamingTheLimit_andWharfRunSaysWhatToDo() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server =
        WharfProcess.builder(
                work,
                List.of(
                    "server",
                    "--data-dir",
                    data.toString(),
                    "--listen",
                    "127.0.0.1:" + port,
                    "--agents",
                    "0",
                    "--max-upload-size",
                    "64k"))
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server.log").toFile())
            .start();
    URI base = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(Duration.ofSeconds(120))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(base.resolve("/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    CliRun created =
        CliRun.of(
            work, "server", "token", "create", "--data-dir", data.toString(), "--role", "run");
    String token = created.out().strip();

    HttpResponse<String> atTheLimit = upload(http, base, token, new byte[LIMIT]);
    HttpResponse<String> above = upload(http, base, token, new byte[LIMIT + 1]);

    assertThat(created.exit()).as(created.toString()).isZero();
    assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(201);
    assertThat(above.statusCode()).isEqualTo(413);
    assertThat(above.body()).contains("an upload is at most 64 KiB (docs/security.md#limits)");

    Path context = Files.createDirectories(work.resolve("big"));
    byte[] noise = new byte[4 * LIMIT];
    new Random(7).nextBytes(noise); // does not compress below the limit
    Files.write(context.resolve("noise.bin"), noise);
    Files.writeString(
        context.resolve("acb.yaml"), "version: v1.1.0\nsteps:\n  - cmd: wharf-test/busybox true\n");
    CliRun run = CliRun.of(work, "run", "--server", base.toString(), "--token", token, "big");

    assertThat(run.exit()).as(run.toString()).isEqualTo(Main.EXIT_ENVIRONMENT);
    assertThat(run.err())
        .contains("an upload is at most 64 KiB (docs/security.md#limits)")
        .contains("ask the server's operator to raise 'wharf server --max-upload-size'")
        .doesNotContain("Queued a run");
  }

  private static HttpResponse<String> upload(HttpClient http, URI base, String token, byte[] body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve("/api/v1/uploads"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
