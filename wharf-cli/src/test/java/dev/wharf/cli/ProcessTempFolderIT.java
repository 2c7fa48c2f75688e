package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.testing.DockerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed run's temporary files are removed when the next server starts, and a process's own
 * temporary folder goes with it (docs/security.md#faults), with the packaged {@code bin/wharf}.
 */
@DockerTest
class ProcessTempFolderIT {

  @TempDir Path tmp;
  @TempDir Path data;

  @Test
  void serverStart_removesTheTempFilesOfAKilledProcess_andItsOwnGoWhenItStops() throws Exception {
    // a process that ran and is gone: no live process has pid 2^22 + 1 (above Linux's pid_max)
    Path stale = tmp.resolve(ProcessTempFolder.name(4_194_305L, Instant.ofEpochMilli(1)));
    Files.createDirectories(stale.resolve("wharf-git-1/.git"));
    Files.write(stale.resolve("wharf-context123.tar"), new byte[4096]);
    Path live = tmp.resolve(ProcessTempFolder.name(ProcessHandle.current().pid(), started()));
    Files.createDirectories(live);
    Path unrelated = Files.createDirectories(tmp.resolve("wharf-notes"));

    ProcessBuilder builder =
        WharfProcess.builder(
                tmp,
                List.of(
                    "server",
                    "--data-dir",
                    data.toString(),
                    "--listen",
                    "127.0.0.1:0",
                    "--agents",
                    "0",
                    "--quiet"))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("server.log").toFile());
    Process server = builder.start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (Files.exists(stale) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(stale).as(log()).doesNotExist();
      assertThat(live).exists();
      assertThat(unrelated).exists();
      assertThat(ownFolders()).as("the server's own folder").hasSize(1);
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ownFolders()).as("removed when the server stopped").isEmpty();
  }

  @Test
  void run_keepsItsContextArchiveAndRunSocketInItsOwnFolder(DockerClient docker) throws Exception {
    String id = CliRun.newId();
    Process run =
        WharfProcess.builder(
                tmp,
                List.of("run", "--id", id, "--cmd", "wharf-test/busybox sleep 60", "/dev/null"))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("run.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (created("wharf-socket-").isEmpty() && run.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      List<Path> own = ownFolders();
      assertThat(own).as(runLog()).hasSize(1);
      // before the fix the JDK's default folder (the one the JVM started with) still held them
      assertThat(created("wharf-socket-")).as(runLog()).singleElement().matches(p -> in(own, p));
      assertThat(created("wharf-context")).as(runLog()).singleElement().matches(p -> in(own, p));
    } finally {
      run.destroy(); // SIGTERM: the run removes its containers, the process its own folder
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ownFolders()).as(runLog()).isEmpty();
    assertThat(created("wharf-")).as(runLog()).isEmpty();
    assertThat(RunLeftovers.of(docker, id::equals)).isEmpty();
  }

  /** Everything under the test's temporary folder whose name starts with {@code prefix}. */
  private List<Path> created(String prefix) throws Exception {
    try (Stream<Path> entries = Files.walk(tmp)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  private static boolean in(List<Path> own, Path path) {
    return path.getParent().equals(own.get(0));
  }

  private String runLog() throws Exception {
    Path log = tmp.resolve("run.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  private List<Path> ownFolders() throws Exception {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .filter(p -> p.getFileName().toString().matches("wharf-\\d+-\\d+"))
          .filter(p -> !p.getFileName().toString().startsWith("wharf-4194305-"))
          .filter(
              p ->
                  !p.getFileName()
                      .toString()
                      .startsWith("wharf-" + ProcessHandle.current().pid() + "-"))
          .toList();
    }
  }

  private static Instant started() {
    return ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);
  }

  private String log() throws Exception {
    Path log = tmp.resolve("server.log");
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }
}
