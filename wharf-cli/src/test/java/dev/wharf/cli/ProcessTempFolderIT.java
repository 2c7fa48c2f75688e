package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
