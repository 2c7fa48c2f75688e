package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskDefaultsTest {

  private static Task load(String yaml, TaskLoader.Options options) throws TaskException {
    return new TaskLoader(options).load(yaml, "acb.yaml").task();
  }

  @Test
  void normalisedImages_addsLatestAlsoAfterRegistryPort() {
    assertThat(
            TaskDefaults.normalisedImages(
                List.of("localhost:5000/app", "reg:443/team/app:v2", "app", "app:latest")))
        .containsExactly("localhost:5000/app:latest", "reg:443/team/app:v2", "app:latest");
  }

  @Test
  void normalisedImages_keepsDigestReferences() {
    assertThat(TaskDefaults.normalisedImages(List.of("reg:5000/app@sha256:abc")))
        .containsExactly("reg:5000/app@sha256:abc");
  }

  @Test
  void applyRunOptions_cliNetwork_beatsYamlDefault() throws TaskException {
    Task task =
        load(
            "networks:\n  - name: mine\n    isDefault: true\nsteps:\n  - cmd: x\n",
            TaskLoader.Options.defaults().withNetwork("ext"));
    assertThat(task.networks()).extracting(Network::name).containsExactly("mine", "ext");
    assertThat(task.networks().get(1))
        .extracting(Network::driver, Network::skipCreation, Network::isDefault)
        .containsExactly("external", true, true);
    assertThat(task.steps().get(0).network()).isEqualTo("ext");
  }

  @Test
  void applyRunOptions_cliEnv_losesToTaskEnvKeys() throws TaskException {
    Task task =
        load(
            "env: [A=file]\nsteps:\n  - cmd: x\n    env: [B=step]\n",
            TaskLoader.Options.defaults().withEnv(List.of("A=cli,C=cli")));
    assertThat(task.env()).containsExactly("A=file", "C=cli");
    assertThat(task.steps().get(0).env()).containsExactly("B=step", "A=file", "C=cli");
  }

  @Test
  void applySteps_negativeTotalTimeout_meansNone() throws TaskException {
    assertThat(load("totalTimeout: -3\n", TaskLoader.Options.defaults()).totalTimeout()).isZero();
  }

  @Test
  void applySteps_taskWorkingDirectory_onlyFillsEmptyStepValues() throws TaskException {
    Task task =
        load(
            "workingDirectory: /src\nsteps:\n  - cmd: x\n  - cmd: y\n    workingDirectory: t\n",
            TaskLoader.Options.defaults());
    assertThat(task.workingDirectory()).isEqualTo("/src");
    assertThat(task.steps()).extracting(Step::workingDirectory).containsExactly("/src", "t");
  }

  @Test
  void applySteps_buildKitEnv_isDetected() throws TaskException {
    Task task =
        load("env: [DOCKER_BUILDKIT=1]\nsteps:\n  - build: .\n", TaskLoader.Options.defaults());
    assertThat(task.steps().get(0).usesBuildKit()).isTrue();
  }
}
