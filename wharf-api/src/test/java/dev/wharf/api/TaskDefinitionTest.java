package dev.wharf.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDefinitionTest {
  @Test
  void new_shortName_isRefused() {
    assertThatThrownBy(() -> task("abc", "acb.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 to 50");
  }

  @Test
  void isBuild_dockerfile_isABuildAndYamlIsNot() {
    assertThat(task("build-app", "Dockerfile").buildsDockerfile()).isTrue();
    assertThat(task("run-app", "acb.yaml").buildsDockerfile()).isFalse();
  }

  @Test
  void shown_secretsAndValues_appearByNameOnly() {
    TaskDefinition task =
        TaskDefinition.builder()
            .name("secret-task")
            .context(".")
            .values(Map.of("k", "v"))
            .secretValues(Map.of("s", "hidden"))
            .credentials(List.of(new RegistryCredential("r.io", "u", "p")))
            .build();

    Task shown = task.shown(null, null);

    assertThat(shown.valueNames()).containsExactly("k");
    assertThat(shown.secretValueNames()).containsExactly("s");
    assertThat(shown.credentialLoginServers()).containsExactly("r.io");
    assertThat(shown.toString()).doesNotContain("hidden").doesNotContain("=v");
  }

  @Test
  void runSpec_dockerfileTask_carriesItsBuildAndDropsSecretArgumentsForOthersInstructions() {
    DockerBuildStep build =
        new DockerBuildStep(
            List.of("app:{{.Run.ID}}"),
            List.of(new BuildArgument("V", "1", false), new BuildArgument("T", "hidden", true)),
            null,
            null,
            false,
            false);
    TaskDefinition task =
        TaskDefinition.builder()
            .name("build-app")
            .context("https://git.example/app.git")
            .file("Dockerfile")
            .dockerBuild(build)
            .build();
    TaskRunOverrides otherFile = new TaskRunOverrides(null, null, "ci/Dockerfile", null, null);

    assertThat(task.runSpec(TaskRunOverrides.none(), false).build()).isEqualTo(build);
    assertThat(task.runSpec(otherFile, false).build().arguments())
        .containsExactly(new BuildArgument("V", "1", false));
    assertThat(task.runSpec(otherFile, true).build()).isEqualTo(build);
    assertThat(task.shown(null, null).toString()).doesNotContain("hidden");
    assertThat(task("run-app", "acb.yaml").runSpec(TaskRunOverrides.none(), true).build()).isNull();
  }

  @Test
  void new_buildFlagsWithATaskFile_isRefused() {
    DockerBuildStep build = new DockerBuildStep(List.of("app:1"), null, null, null, false, false);

    assertThatThrownBy(
            () ->
                TaskDefinition.builder()
                    .name("run-app")
                    .context(".")
                    .file("acb.yaml")
                    .dockerBuild(build)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acb.yaml is a task file");
  }

  private static TaskDefinition task(String name, String file) {
    return TaskDefinition.builder().name(name).context(".").file(file).build();
  }
}
