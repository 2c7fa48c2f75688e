package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteRunTest {

  @Test
  void pairs_repeatedKey_lastWins() throws BadInputException {
    assertThat(RemoteRun.pairs(List.of("a=1", "b=x=y", "a=2"), "--set"))
        .containsExactly(Map.entry("a", "2"), Map.entry("b", "x=y"));
  }

  @Test
  void pairs_withoutEquals_isBadInput() {
    assertThatThrownBy(() -> RemoteRun.pairs(List.of("novalue"), "--set"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("--set takes KEY=VALUE");
  }

  @Test
  void ignored_localOnlyFlags_areNamed() {
    RunCommand run = new RunCommand();
    run.options = new RenderOptions();
    run.options.registry = "reg.io";
    run.network = "net";

    assertThat(RemoteRun.ignored(run)).containsExactly("-r/--registry", "--network");
  }

  @Test
  void ignored_registryOfABuild_isUsed() {
    RunCommand run = new RunCommand();
    run.options = new RenderOptions();
    run.options.registry = "reg.io";
    run.taskText = "version: v1.1.0\n";

    assertThat(RemoteRun.ignored(run)).isEmpty();
  }
}
