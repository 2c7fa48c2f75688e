package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.template.render.RenderResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskPipelineSecretsTest {

  private static RenderResult rendered(String text) {
    return new RenderResult(text, Optional.empty(), List.of("hunter22"), List.of());
  }

  @Test
  void plan_secretAsStepId_isRefusedWithoutPrintingIt() {
    assertThatThrownBy(
            () ->
                TaskPipeline.plan(
                    rendered("steps:\n  - id: hunter22\n    cmd: busybox echo\n"),
                    "acb.yaml",
                    TaskLoader.Options.defaults()))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("step 1 uses a secret value")
        .hasMessageNotContaining("hunter22");
  }

  @Test
  void plan_secretInAnImageName_isRefused() {
    assertThatThrownBy(
            () ->
                TaskPipeline.plan(
                    rendered("steps:\n  - cmd: reg.io/hunter22:v1 echo\n"),
                    "acb.yaml",
                    TaskLoader.Options.defaults()))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("uses a secret value in its id or an image name");
  }

  @Test
  void plan_secretInAnArgument_isAllowed() throws TaskException {
    TaskPipeline.plan(
        rendered("steps:\n  - cmd: busybox echo hunter22\n"),
        "acb.yaml",
        TaskLoader.Options.defaults());
  }
}
