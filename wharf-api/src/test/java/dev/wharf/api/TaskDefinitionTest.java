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
        new TaskDefinition(
            "secret-task",
            ".",
            null,
            null,
            Map.of("k", "v"),
            Map.of("s", "hidden"),
            List.of(new RegistryCredential("r.io", "u", "p")),
            null,
            null,
            0,
            null);

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
        new TaskDefinition(
            "build-app",
            "https://git.example/app.git",
            "Dockerfile",
            null,
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
            build);
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
                new TaskDefinition(
                    "run-app",
                    ".",
                    "acb.yaml",
                    null,
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
                    build))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acb.yaml is a task file");
  }

  private static TaskDefinition task(String name, String file) {
    return new TaskDefinition(name, ".", file, null, null, null, null, null, null, 0, null);
  }
}
