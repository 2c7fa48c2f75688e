package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.wharf.engine.docker.BuildCacheRecords;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.SshAgentProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wharf run} forwards the SSH agent of its own {@code SSH_AUTH_SOCK} to a build with {@code
 * --ssh default}, and an untrusted run is refused it (docs/buildkit.md#ssh-agents).
 */
@DockerTest
class SshAgentIT {

  private static final Path DIST = Path.of(System.getProperty("wharf.dist", "target/missing"));

  @TempDir Path temp;
  private Path context;
  private LocalDocker docker;
  private String marker;
  private String image;

  @BeforeEach
  void setUp(LocalDocker localDocker) throws IOException {
    docker = localDocker;
    marker = "wharf-ssh-" + UUID.randomUUID().toString().substring(0, 8);
    image = marker + ":v1";
    context = Files.createDirectories(temp.resolve("context"));
    Files.writeString(
        context.resolve("Dockerfile"),
        "FROM "
            + LocalDocker.BUSYBOX
            + "\nRUN --mount=type=ssh,required=true test -S \"$SSH_AUTH_SOCK\" && echo "
            + marker
            + " agent\n");
    Files.writeString(
        context.resolve("acb.yaml"), "steps:\n  - build: -t " + image + " --ssh default .\n");
  }

  @AfterEach
  void cleanUp() throws IOException {
    try {
      docker.client().removeImageCmd(image).withForce(true).exec();
    } catch (NotFoundException gone) {
      // the run failed before it built the image
    }
    BuildCacheRecords.prune(docker.engine().address(), marker);
  }

  @Test
  void sshDefault_forwardsTheAgentOfTheProcess_andIsRefusedToUntrustedRunsAndWithoutAnAgent()
      throws Exception {
    try (SshAgentProcess agent = SshAgentProcess.start("key-" + marker)) {
      String trusted = wharf(agent.socket().toString());
      String untrusted = wharf(agent.socket().toString(), "--untrusted");
      String noAgent = wharf(null);

      assertThat(trusted)
          .contains("Building with BuildKit for --ssh")
          .containsPattern("#\\d+ " + marker + " agent")
          .contains("was successful");
      assertThat(untrusted)
          .contains("asks for an SSH agent of the machine running it (build --ssh default)")
          .contains("which untrusted runs may not")
          .doesNotContain(marker + " agent\n");
      assertThat(noAgent)
          .contains("--ssh default forwards the SSH agent of SSH_AUTH_SOCK, which is not set")
          .doesNotContainPattern("#\\d+ " + marker + " agent");
    }
  }

  /** Runs the task with {@code SSH_AUTH_SOCK} set to {@code authSock} (null: unset); its output. */
  private String wharf(String authSock, String... extra) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                DIST.resolve("bin/wharf").toString(),
                "run",
                "-f",
                "acb.yaml",
                "--id",
                CliRun.newId()));
    command.addAll(List.of(extra));
    command.add(".");
    Path log = Files.createTempFile(temp, "wharf", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(context.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().remove("SSH_AUTH_SOCK");
    if (authSock != null) {
      builder.environment().put("SSH_AUTH_SOCK", authSock);
    }
    builder
        .environment()
        .put("WHARF_JAVA_OPTS", "-Djava.io.tmpdir=" + Files.createDirectories(temp.resolve("tmp")));
    Process process = builder.start();
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
