package dev.wharf.cli;

import static dev.wharf.cli.WharfInProcess.assertNothingLeft;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.docker.BuildCacheRecords;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.TestRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wharf build} end to end on the real engine and the registry on 127.0.0.1:5000: pushed
 * images pulled back by digest, {@code --no-push} leaving the registry untouched, a Dockerfile from
 * outside the context, {@code .dockerignore} deciding what the build sees, and a Dockerfile that
 * needs BuildKit built from a local folder.
 */
@DockerTest
class BuildIT {

  private static final String SECRET = "s3cr3t-build-value";

  private static final String DOCKERFILE =
      "FROM wharf-test/busybox\n"
          + "ARG GREETING\n"
          + "ARG TOKEN\n"
          + "COPY . /ctx\n"
          + "RUN echo \"greeting=$GREETING token=$TOKEN\"\n";

  /** The engine's own architecture, in Docker's words: base images exist only for it. */
  private static final String HOST_ARCH =
      switch (System.getProperty("os.arch")) {
        case "amd64", "x86_64" -> "amd64";
        case "aarch64" -> "arm64";
        default -> System.getProperty("os.arch");
      };

  @TempDir Path temp;
  private final List<String> images = new ArrayList<>();
  private String repository;
  private LocalDocker docker;

  @BeforeEach
  void createContext(LocalDocker localDocker) throws Exception {
    docker = localDocker;
    repository = "wharf-it/srcit-" + UUID.randomUUID().toString().substring(0, 12);
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    Files.writeString(context.resolve(".dockerignore"), "secret.txt\n*.log\n!kept.log\n");
    Files.writeString(context.resolve("secret.txt"), "s\n");
    Files.writeString(context.resolve("dropped.log"), "d\n");
    Files.writeString(context.resolve("kept.log"), "k\n");
    Files.writeString(context.resolve("data.txt"), "data in the context\n");
  }

  /** {@code wharf build -r REGISTRY -t tag --id id more… } in-process, in the test's folder. */
  private WharfInProcess.Result build(String tag, String id, String... more) {
    String[] args = {"build", "-r", LocalDocker.REGISTRY, "-t", tag, "--id", id};
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return WharfInProcess.run(temp, all);
  }

  @AfterEach
  void removeImagesAndTags() throws Exception {
    for (String image : images) {
      try {
        docker.client().removeImageCmd(image).withForce(true).exec();
      } catch (NotFoundException gone) {
        // Already removed by the test itself.
      }
      if (!image.contains("@")) {
        TestRegistry.delete(image);
      }
    }
  }

  @Test
  void build_withPush_pushesAnImageThatRunsFromItsDigest() throws Exception {
    String id = WharfInProcess.newRunId();
    String tagged = LocalDocker.REGISTRY + "/" + repository + ":" + id;
    images.add(tagged);

    var result =
        build(
            repository + ":{{.Run.ID}}",
            id,
            "--no-cache",
            "--build-arg",
            "GREETING=hi",
            "--secret-build-arg",
            "TOKEN=" + SECRET,
            "ctx");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("greeting=hi token=");
    assertThat(result.all()).as(result.report()).doesNotContain(SECRET);
    assertThat(tags(repository)).contains("\"" + id + "\"");
    assertNothingLeft(docker, id);

    Matcher pushed =
        Pattern.compile(Pattern.quote(tagged) + "@(sha256:[0-9a-f]{64})").matcher(result.err());
    assertThat(pushed.find()).as(result.report()).isTrue();
    String byDigest = LocalDocker.REGISTRY + "/" + repository + "@" + pushed.group(1);
    // Without the local copy, running by digest has to pull what the registry holds.
    docker.client().removeImageCmd(tagged).withForce(true).exec();
    images.add(byDigest);
    String runId = WharfInProcess.newRunId();

    var run =
        WharfInProcess.run(
            temp, "run", "--id", runId, "--cmd", byDigest + " ls -A /ctx", "/dev/null");

    assertThat(run.status()).as(run.report()).isZero();
    assertThat(run.out().lines())
        .as(run.report())
        .contains("Dockerfile", ".dockerignore", "kept.log", "data.txt")
        .doesNotContain("secret.txt", "dropped.log");
    assertNothingLeft(docker, runId);
  }

  @Test
  void build_noPush_buildsLocallyAndPushesNothing() throws Exception {
    String id = WharfInProcess.newRunId();
    String tagged = LocalDocker.REGISTRY + "/" + repository + ":" + id;
    images.add(tagged);

    var result = build(repository + ":{{.Run.ID}}", id, "--no-push", "ctx");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(docker.client().inspectImageCmd(tagged).exec().getId()).isNotBlank();
    assertThat(tags(repository)).doesNotContain(id);
    assertThat(result.err()).as(result.report()).doesNotContain("Pushing image");
    assertNothingLeft(docker, id);
  }

  @Test
  void build_dockerfileOutsideTheContext_buildsTheTargetStageForThePlatform() throws Exception {
    Path elsewhere = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(
        elsewhere.resolve("Build.Dockerfile"),
        "FROM wharf-test/busybox AS base\n"
            + "RUN echo base-stage-ran\n"
            + "FROM base AS final\n"
            + "COPY data.txt /data.txt\n"
            + "RUN cat /data.txt\n"
            + "FROM final AS extra\n"
            + "RUN echo extra-stage-ran\n");
    String id = WharfInProcess.newRunId();
    String tagged = LocalDocker.REGISTRY + "/" + repository + ":outside";
    images.add(tagged);

    var result =
        build(
            repository + ":outside",
            id,
            "-f",
            "docker/Build.Dockerfile",
            "--target",
            "final",
            "--platform",
            "linux/" + HOST_ARCH,
            "--no-cache",
            "--no-push",
            "ctx");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out())
        .as(result.report())
        .contains("base-stage-ran", "data in the context")
        .doesNotContain("extra-stage-ran");
    assertThat(docker.client().inspectImageCmd(tagged).exec().getArch()).isEqualTo(HOST_ARCH);
    assertNothingLeft(docker, id);
  }

  @Test
  void build_dockerfileThatNeedsBuildKit_fromALocalFolder_seesTheContextThroughAMount(
      ContainerEngine engine) throws Exception {
    String marker = "wharf-bkcli-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(
        temp.resolve("ctx/BuildKit.Dockerfile"),
        "FROM wharf-test/busybox\n"
            + "RUN --mount=type=bind,target=/src echo "
            + marker
            + " && cat /src/data.txt /src/kept.log && ls /src\n");
    String id = WharfInProcess.newRunId();
    String tagged = LocalDocker.REGISTRY + "/" + repository + ":buildkit";
    images.add(tagged);

    try {
      var result =
          build(repository + ":buildkit", id, "-f", "ctx/BuildKit.Dockerfile", "--no-push", "ctx");

      assertThat(result.status()).as(result.report()).isZero();
      assertThat(result.all())
          .as(result.report())
          .contains("Building with BuildKit", "data in the context", "kept.log", "Dockerfile")
          .doesNotContain("secret.txt", "dropped.log", "PAXHEADERS");
      assertThat(docker.client().inspectImageCmd(tagged).exec().getId()).isNotBlank();
      assertNothingLeft(docker, id);
    } finally {
      BuildCacheRecords.prune(engine.address(), marker);
    }
  }

  @Test
  void build_dockerfileTheDockerignoreExcludes_isSentAnyway() throws Exception {
    Path context = temp.resolve("ctx");
    Files.createDirectories(context.resolve("docker"));
    Files.writeString(
        context.resolve("docker/App.Dockerfile"),
        "FROM wharf-test/busybox\nCOPY data.txt /data.txt\nRUN cat /data.txt\n");
    Files.writeString(context.resolve(".dockerignore"), "docker/\n");
    String id = WharfInProcess.newRunId();
    String tagged = LocalDocker.REGISTRY + "/" + repository + ":ignored";
    images.add(tagged);

    var result =
        build(
            repository + ":ignored",
            id,
            "-f",
            "ctx/docker/App.Dockerfile",
            "--no-cache",
            "--no-push",
            "ctx");

    assertThat(result.status()).as(result.report()).isZero();
    assertThat(result.out()).as(result.report()).contains("data in the context");
    assertNothingLeft(docker, id);
  }

  /** The registry's tag list of a repository; an unknown repository lists nothing. */
  private static String tags(String repository) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + LocalDocker.REGISTRY + "/v2/" + repository + "/tags/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 404);
    return response.statusCode() == 404 ? "" : response.body();
  }
}
