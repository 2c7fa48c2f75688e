package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.engine.docker.BuildCacheRecords;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.SshAgentProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Build steps that need BuildKit are built by the engine's BuildKit (docs/buildkit.md), and the
 * others still by the classic builder.
 */
@DockerTest
class BuildKitIT {

  private ContainerEngine engine;
  private String marker;
  private String image;

  /** Images a later build of the same tag left untagged; the tag's removal does not reach them. */
  private final List<String> replaced = new ArrayList<>();

  @BeforeEach
  void setUp(ContainerEngine engine) {
    this.engine = engine;
    marker = "wharf-bk-" + UUID.randomUUID().toString().substring(0, 8);
    image = marker + ":v1";
  }

  @AfterEach
  void cleanUp() throws Exception {
    engine.removeImage(image);
    for (String id : replaced) {
      engine.removeImage(id);
    }
    BuildCacheRecords.prune(engine.address(), marker);
    assertThat(BuildCacheRecords.find(engine.address(), marker)).isEmpty();
  }

  /** Remembers the image the tag names now, which the next build of the tag replaces. */
  private void replacedNext() throws Exception {
    engine.inspectImage(image).map(ImageInfo::id).ifPresent(replaced::add);
  }

  @Test
  void cacheMount_writtenByOneBuild_isSeenByTheNext() throws Exception {
    String dockerfile =
        """
        FROM %s
        ARG BUILD
        RUN --mount=type=cache,target=/cache \\
            if [ -f /cache/stamp ]; then echo "reused $(cat /cache/stamp)"; \\
            else echo "fresh %s"; echo "$BUILD" > /cache/stamp; fi
        """
            .formatted(LocalDocker.BUSYBOX, marker);
    TaskRunner runner = new TaskRunner(engine).files(Map.of("Dockerfile", dockerfile));
    String task = "steps:\n  - build: -t %s --build-arg BUILD=%s .\n";

    var first = runner.run(task.formatted(image, "one"));
    replacedNext();
    var second = runner.run(task.formatted(image, "two"));

    assertThat(first.result().successful()).as(first.all()).isTrue();
    assertThat(first.all())
        .contains("Building with BuildKit for RUN --mount (line 3)")
        .containsPattern("#\\d+ fresh " + marker);
    assertThat(second.result().successful()).as(second.all()).isTrue();
    assertThat(second.all())
        .containsPattern("#\\d+ reused one")
        .doesNotContainPattern("#\\d+ fresh");
    assertThat(engine.inspectImage(image)).isPresent();
  }

  @Test
  void secrets_fromAWorkspaceFileAndTheStepEnv_reachTheBuildButNeitherTheLogNorTheHistory()
      throws Exception {
    String fileSecret = "file-" + marker + "-value";
    String envSecret = "env-" + marker + "-value";
    String dockerfile =
        """
        FROM %s
        RUN --mount=type=secret,id=token --mount=type=secret,id=other,required=true \\
            echo "token $(cat /run/secrets/token) other $(cat /run/secrets/other)" \\
            && test "$(wc -c < /run/secrets/token)" -eq %d && echo "%s checked"
        """
            .formatted(LocalDocker.BUSYBOX, fileSecret.length(), marker);
    TaskRunner runner =
        new TaskRunner(engine)
            .files(Map.of("app/Dockerfile", dockerfile, "keys/token.txt", fileSecret));

    var outcome =
        runner.run(
            """
            steps:
              - build: >-
                  -t %s --secret id=token,src=keys/token.txt
                  --secret id=other,env=OTHER -f app/Dockerfile app
                env: ["OTHER=%s"]
            """
                .formatted(image, envSecret));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.all())
        .contains("token *** other ***")
        .contains(marker + " checked")
        .doesNotContain(fileSecret)
        .doesNotContain(envSecret);
    assertThat(BuildCacheRecords.history(engine.address(), image))
        .contains("cat /run/secrets/token")
        .doesNotContain(fileSecret)
        .doesNotContain(envSecret);
  }

  @Test
  void sshAgent_namedByItsSocket_listsAndSignsInTheBuildButCannotBeChanged() throws Exception {
    try (SshAgentProcess agent = SshAgentProcess.start("key-" + marker)) {
      // ssh-add of this machine, run by its own loader in the busybox image: the real OpenSSH
      // client speaks to the forwarded agent.
      Map<String, byte[]> tools = new LinkedHashMap<>();
      SshAgentProcess.sshAddFiles().forEach((name, bytes) -> tools.put("ssh/" + name, bytes));
      tools.put("ssh/key.pub", agent.publicKey());
      String dockerfile =
          """
          FROM %1$s
          RUN --mount=type=bind,source=ssh,target=/%2$s --mount=type=ssh \\
              cp -r /%2$s /tmp/s && chmod 755 /tmp/s/ld.so \\
              && test -S "$SSH_AUTH_SOCK" \\
              && /tmp/s/ld.so --library-path /tmp/s /tmp/s/ssh-add -l \\
              && /tmp/s/ld.so --library-path /tmp/s /tmp/s/ssh-add -T /tmp/s/key.pub \\
              && echo "%2$s signed" \\
              && if /tmp/s/ld.so --library-path /tmp/s /tmp/s/ssh-add -D; \\
                 then echo "%2$s removed"; else echo "%2$s kept"; fi
          """
              .formatted(LocalDocker.BUSYBOX, marker);
      TaskRunner runner =
          new TaskRunner(engine).files(Map.of("Dockerfile", dockerfile)).binaryFiles(tools);

      var outcome =
          runner.run(
              "steps:\n  - build: -t %s --ssh default=%s .\n".formatted(image, agent.socket()));

      assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
      assertThat(outcome.all())
          .contains("Building with BuildKit for --ssh")
          .containsPattern("#\\d+ 256 SHA256:\\S+ key-" + marker + " \\(ED25519\\)")
          .containsPattern("#\\d+ " + marker + " signed")
          .containsPattern("#\\d+ " + marker + " kept")
          .doesNotContainPattern("#\\d+ " + marker + " removed");
      assertThat(agent.listKeys()).contains("key-" + marker);
    }
  }

  @Test
  void sshFlag_namingAKeyFileOrNothingOrAnotherId_failsTheStepWithAHint() throws Exception {
    try (SshAgentProcess agent = SshAgentProcess.start("key-" + marker)) {
      TaskRunner runner =
          new TaskRunner(engine)
              .files(
                  Map.of(
                      "Dockerfile",
                      "FROM "
                          + LocalDocker.BUSYBOX
                          + "\nRUN --mount=type=ssh,id=deploy,required=true echo "
                          + marker
                          + "\n"));
      Path key = agent.socket().resolveSibling("key");

      var keyFile =
          runner.run("steps:\n  - build: -t %s --ssh default=%s .\n".formatted(image, key));
      var missing =
          runner.run("steps:\n  - build: -t %s --ssh git=%s.none .\n".formatted(image, key));

      assertThat(keyFile.result().successful()).isFalse();
      assertThat(keyFile.all())
          .contains(key + " is a file, not an SSH agent's socket")
          .contains("ssh-add " + key);
      assertThat(missing.result().successful()).isFalse();
      assertThat(missing.all()).contains("--ssh git: " + key + ".none does not exist");

      var otherId =
          runner.run(
              "steps:\n  - build: -t %s --ssh default=%s .\n".formatted(image, agent.socket()));

      assertThat(otherId.result().successful()).isFalse();
      assertThat(otherId.all()).contains("the build forwards no SSH agent with the id deploy");
    }
  }

  @Test
  void aSecretFileThatIsMissing_failsTheStepNamingIt() throws Exception {
    TaskRunner runner =
        new TaskRunner(engine)
            .files(
                Map.of(
                    "Dockerfile",
                    "FROM " + LocalDocker.BUSYBOX + "\nRUN --mount=type=secret,id=s true\n"));

    var outcome = runner.run("steps:\n  - build: -t " + image + " --secret id=s,src=nope.txt .\n");

    assertThat(outcome.result().successful()).isFalse();
    assertThat(outcome.all()).contains("the file /workspace/nope.txt does not exist");
  }

  @Test
  void classicDockerfile_isStillBuiltByTheClassicBuilder() throws Exception {
    TaskRunner runner =
        new TaskRunner(engine)
            .files(
                Map.of(
                    "Dockerfile",
                    "FROM " + LocalDocker.BUSYBOX + "\nRUN echo classic " + marker + "\n"));

    var outcome = runner.run("steps:\n  - build: -t " + image + " .\n");
    replacedNext();

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.all())
        .contains("Step 1/2 : FROM " + LocalDocker.BUSYBOX)
        .contains("classic " + marker)
        .doesNotContain("BuildKit");

    var cached = runner.run("steps:\n  - build: -t " + image + " .\n    cache: enabled\n");

    assertThat(cached.result().successful()).as(cached.all()).isTrue();
    assertThat(cached.all()).contains("Building with BuildKit for cache: enabled");
  }
}
