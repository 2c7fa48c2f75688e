package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskExceptionTest {

  @Test
  void getMessage_withPositionAndHint_namesFileLineColumnAndHint() {
    TaskException e = new TaskException("acb.yaml", new Position(3, 7), "bad thing", "do this");
    assertThat(e.getMessage()).isEqualTo("acb.yaml:3:7: bad thing\n  hint: do this");
    assertThat(e.reason()).isEqualTo("bad thing");
    assertThat(e.file()).isEqualTo("acb.yaml");
  }

  @Test
  void getMessage_withoutPositionOrHint_namesFileOnly() {
    assertThat(new TaskException("t.yaml", null, "broken", null).getMessage())
        .isEqualTo("t.yaml: broken");
  }

  @Test
  void warningToString_isLikeACompilerWarning() {
    assertThat(new Warning("acb.yaml", new Position(2, 5), "unknown key `x`"))
        .hasToString("acb.yaml:2:5: warning: unknown key `x`");
  }
}
