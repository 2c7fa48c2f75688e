package dev.wharf.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wharf.api.Json;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRoutesTest {
  private static final TaskDefinition TASK =
      TaskDefinition.builder()
          .name("build-app")
          .context("https://git.example/app.git")
          .file("acb.yaml")
          .values(Map.of("a", "1", "b", "2"))
          .secretValues(Map.of("s", "secret"))
          .credentials(List.of(new RegistryCredential("r.io", "u", "p")))
          .status(TaskStatus.Enabled)
          .timeoutSeconds(900)
          .build();

  @Test
  void patched_onlyGivenFieldsChange_andMapsMergeKeyByKey() {
    TaskDefinition result =
        TaskRoutes.patched(
            TASK, patch("{\"status\":\"Disabled\",\"values\":{\"a\":null,\"c\":\"3\"}}"));

    assertThat(result.status()).isEqualTo(TaskStatus.Disabled);
    assertThat(result.values()).isEqualTo(Map.of("b", "2", "c", "3"));
    assertThat(result.secretValues()).isEqualTo(Map.of("s", "secret"));
    assertThat(result.timeoutSeconds()).isEqualTo(900);
    assertThat(result.context()).isEqualTo(TASK.context());
  }

  @Test
  void patched_credentials_mergeByLoginServer() {
    TaskDefinition result =
        TaskRoutes.patched(
            TASK,
            patch(
                "{\"credentials\":[{\"loginServer\":\"r.io\",\"remove\":true},"
                    + "{\"loginServer\":\"q.io\",\"username\":\"x\",\"password\":\"y\"}]}"));

    assertThat(result.credentials()).containsExactly(new RegistryCredential("q.io", "x", "y"));
  }

  @Test
  void patched_rename_isRefused() {
    assertThatThrownBy(() -> TaskRoutes.patched(TASK, patch("{\"name\":\"other-name\"}")))
        .hasMessageContaining("renamed");
  }

  @Test
  void patched_fileOfADockerfileTask_switchesItsDockerfileAndKeepsItsBuild() {
    TaskDefinition dockerfileTask =
        TaskRoutes.patched(
            TASK,
            patch("{\"file\":\"Dockerfile\",\"build\":{\"imageNames\":[\"hello:{{.Run.ID}}\"]}}"));

    TaskDefinition result =
        TaskRoutes.patched(
            dockerfileTask, patch("{\"file\":\"docker/Dockerfile.prod\",\"taskText\":null}"));

    assertThat(result.file()).isEqualTo("docker/Dockerfile.prod");
    assertThat(result.buildsDockerfile()).isTrue();
    assertThat(result.build().imageNames()).containsExactly("hello:{{.Run.ID}}");
    assertThatThrownBy(() -> TaskRoutes.patched(dockerfileTask, patch("{\"file\":\"acb.yaml\"}")))
        .isInstanceOf(ApiException.class)
        .hasMessage(
            "task build-app builds a Dockerfile, and an update keeps a task's kind (as az acr task"
                + " update): -f acb.yaml is a task file, not a Dockerfile; give another Dockerfile,"
                + " or create a task for the task file");
  }

  private static ObjectNode patch(String json) {
    return (ObjectNode) Json.read(json, com.fasterxml.jackson.databind.JsonNode.class);
  }
}
