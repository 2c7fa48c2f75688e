package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.server.auth.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose data disk runs full (a small tmpfs as {@code --data-dir}): the run writing its log
 * ends {@code Error} at once, its log keeps whole lines only, and the next run works once there is
 * space again (docs/security.md#faults). Needs root to mount the tmpfs; skipped otherwise.
 */
class DataDiskFullTest {
  @TempDir Path temp;

  private Path data;
  private boolean mounted;
  private WharfServer server;

  @BeforeEach
  void mountSmallDisk() throws Exception {
    data = Files.createDirectories(temp.resolve("data"));
    mounted = run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", data.toString());
    assumeTrue(mounted, "mounting a tmpfs needs root");
  }

  @AfterEach
  void unmount() throws Exception {
    if (server != null) {
      server.close();
    }
    if (mounted) {
      assertThat(run("umount", data.toString())).isTrue();
    }
  }

  @Test
  void logFillingTheDataDisk_endsTheRunErrorAtOnce_withWholeLines_andTheNextRunWorks()
      throws Exception {
    FakeExecutor executor = new FakeExecutor();
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(data)
            .withListen("127.0.0.1", 0)
            .withAgent(1, executor)
            .withAgentName("full-disk", Duration.ofSeconds(2));
    server = WharfServer.start(config);
    ServerClient client =
        new ServerClient(
            ServerScenarios.url(server), WharfServer.createToken(config, Role.run, "runs"));

    Instant started = Instant.now();
    Run filling = client.queue(RunType.QuickRun, RunSpec.inline("lines=1000000"));
    RunStatus ended = client.follow(filling.runId(), line -> {});
    Duration took = Duration.between(started, Instant.now());

    assertThat(ended).isEqualTo(RunStatus.Error);
    assertThat(client.run(filling.runId()).runErrorMessage())
        .isEqualTo("no space left on the server's data disk");
    assertThat(took).isLessThan(Duration.ofSeconds(30));
    Path log = data.resolve("logs").resolve(filling.runId() + ".log");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(Files.readString(log)).endsWith("\n");
    assertThat(lines.size()).isGreaterThan(1000);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.equals("Run ended as Error: no space left on the server's data disk")) {
        assertThat(line).isEqualTo("line " + (i + 1) + " of " + filling.runId());
      }
    }

    Files.delete(log); // space is back
    Run next = client.queue(RunType.QuickRun, RunSpec.inline("lines=5"));

    assertThat(client.follow(next.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);
    assertThat(client.log(next.runId())).contains("line 5 of " + next.runId());
  }

  private static boolean run(String... command) throws Exception {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
