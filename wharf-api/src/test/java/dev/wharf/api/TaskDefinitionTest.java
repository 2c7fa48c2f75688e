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
    assertThat(task("build-app", "Dockerfile").isBuild()).isTrue();
    assertThat(task("run-app", "acb.yaml").isBuild()).isFalse();
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

  private static TaskDefinition task(String name, String file) {
    return new TaskDefinition(name, ".", file, null, null, null, null, null, null, 0, null);
  }
}
