package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteRunTest {

  @Test
  void ignored_localOnlyFlags_areNamed() {
    RunCommand run = new RunCommand();
    run.options = new RenderOptions();
    run.options.registry = "reg.io";
    run.network = "net";

    assertThat(RemoteRun.ignored(run)).containsExactly("--network");
  }

  @Test
  void ignored_registry_isSentAsTheRunsRegistry() {
    RunCommand run = new RunCommand();
    run.options = new RenderOptions();
    run.options.registry = "reg.io";

    assertThat(RemoteRun.ignored(run)).isEmpty();
  }
}
