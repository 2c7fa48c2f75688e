package dev.wharf.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.BuildArgument;
import dev.wharf.api.DockerBuildStep;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunType;
import dev.wharf.task.QuickTask;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileBuildTest {
  private static final DockerBuildStep BUILD =
      new DockerBuildStep(
          List.of("hello:{{.Run.ID}}", "other.io/hello:1", "{{.Run.Registry}}/hello:latest"),
          List.of(new BuildArgument("V", "1", false), new BuildArgument("T", "hidden", true)),
          "final",
          "linux/amd64",
          false,
          true);

  @Test
  void steps_tagsWithoutRegistry_getTheRunsRegistryAndArgumentsKeepTheirKind() {
    QuickTask.Build steps = DockerfileBuild.steps(BUILD, "ci/Dockerfile", "127.0.0.1:5000");

    assertThat(steps.tags())
        .containsExactly(
            "127.0.0.1:5000/hello:{{.Run.ID}}",
            "other.io/hello:1",
            "{{.Run.Registry}}/hello:latest");
    assertThat(steps.dockerfile()).isEqualTo("ci/Dockerfile");
    assertThat(steps.buildArgs()).containsExactly("V=1");
    assertThat(steps.secretBuildArgs()).containsExactly("T=hidden");
    assertThat(steps.target()).isEqualTo("final");
    assertThat(steps.noCache()).isTrue();
    assertThat(steps.push()).isTrue();
    assertThat(QuickTask.build(steps)).contains("push:", "127.0.0.1:5000/hello:{{.Run.ID}}");
  }

  @Test
  void missingRegistry_pushOfATagNamingNoneWithoutARegistry_isRefusedBeforeTheRun() {
    DockerBuildStep qualified =
        new DockerBuildStep(List.of("other.io/hello:1"), null, null, null, false, false);
    DockerBuildStep noPush = new DockerBuildStep(List.of("hello:1"), null, null, null, true, false);

    assertThat(DockerfileBuild.missingRegistry(BUILD, ""))
        .hasValueSatisfying(
            message -> assertThat(message).contains("hello:{{.Run.ID}}", "--registry"));
    assertThat(DockerfileBuild.missingRegistry(BUILD, "127.0.0.1:5000")).isEmpty();
    assertThat(DockerfileBuild.missingRegistry(qualified, "")).isEmpty();
    assertThat(DockerfileBuild.missingRegistry(noPush, null)).isEmpty();
  }

  @Test
  void of_jobsOfDockerfileTasks_buildAndOthersDoNot() {
    RunSpec plain = RunSpec.inline("version: v1.1.0\nsteps: []\n");
    RunSpec oldBuild =
        new RunSpec(
            ".",
            null,
            "Dockerfile",
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            false);
    RunSpec withBuild =
        new RunSpec(
            ".",
            null,
            "Dockerfile",
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            null,
            BUILD,
            false);

    assertThat(DockerfileBuild.of(job(RunType.QuickRun, plain))).isEmpty();
    assertThat(DockerfileBuild.of(job(RunType.AutoBuild, oldBuild)))
        .contains(DockerBuildStep.untagged());
    assertThat(DockerfileBuild.of(job(RunType.AutoBuild, withBuild))).contains(BUILD);
  }

  private static RunJob job(RunType type, RunSpec spec) {
    return new RunJob("wa1", type, "task", spec, null, null, null);
  }
}
