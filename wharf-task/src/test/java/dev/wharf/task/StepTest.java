package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepTest {

  @Test
  void cleanPath_resolvesDotsAndSeparatorsLikeGo() {
    assertThat(Step.cleanPath("/a/./b//c/")).isEqualTo("/a/b/c");
    assertThat(Step.cleanPath("/../../x")).isEqualTo("/x");
    assertThat(Step.cleanPath("/")).isEqualTo("/");
  }

  @Test
  void containerDirectory_relativeJoinsWorkspace() throws TaskException {
    Step step =
        new TaskLoader(TaskLoader.Options.defaults())
            .load("steps:\n  - cmd: x\n    workingDirectory: ../../etc\n", "f")
            .task()
            .steps()
            .get(0);
    assertThat(step.workingDirectory()).isEqualTo("../../etc");
    assertThat(step.containerDirectory()).isEqualTo("/etc");
  }
}
