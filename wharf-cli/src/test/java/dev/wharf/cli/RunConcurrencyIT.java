package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.testing.DockerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of the same task at the same time on one engine do not collide
 * (docs/behaviour.md#run-names).
 */
@DockerTest
class RunConcurrencyIT {

  @TempDir Path dir;

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  @Test
  void twoRunsOfOneTask_atTheSameTime_bothSucceed() throws IOException {
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/index.html"), "hello from web\n");
    String task =
        """
        volumes:
          - name: creds
            secret:
              token: c2VjcmV0LWJ5dGVz
        steps:
          - id: web
            cmd: wharf-test/busybox httpd -f -p 8080 -h /workspace/www
            detach: true
          - id: s
            cmd: wharf-test/busybox sh -c "until wget -q -O - http://web:8080/index.html; do sleep 0.1; done; sleep 1"
            timeout: 30
            keep: true
            volumeMounts:
              - name: creds
                mountPath: /run/creds
        """;
    Files.writeString(dir.resolve("acb.yaml"), task);
    CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.taskInPlace(dir));
    CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> CliRun.taskInPlace(dir));

    for (CliRun run : new CliRun[] {first.join(), second.join()}) {
      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.out()).contains("hello from web");
    }
  }
}
