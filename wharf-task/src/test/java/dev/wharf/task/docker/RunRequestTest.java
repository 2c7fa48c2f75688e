package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunRequestTest {
  private static final RunRequest REQUEST =
      new RunRequest(
          List.of(
              new FlagValue("env", "A=1"),
              new FlagValue("workdir", "/a"),
              new FlagValue("env", "B"),
              new FlagValue("workdir", "/b"),
              new FlagValue("rm", "true")),
          "img",
          List.of("x"));

  @Test
  void env_keepsEveryValueInOrder() {
    assertThat(REQUEST.env()).containsExactly("A=1", "B");
  }

  @Test
  void workdir_lastValueWins() {
    assertThat(REQUEST.workdir()).isEqualTo("/b");
  }

  @Test
  void enabled_trueOnlyForBooleanFlagsThatAreOn() {
    assertThat(REQUEST.enabled("rm")).isTrue();
    assertThat(REQUEST.enabled("privileged")).isFalse();
  }

  @Test
  void constructor_nullImage_fails() {
    assertThatThrownBy(() -> new RunRequest(List.of(), null, List.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("image cannot be null");
  }
}
