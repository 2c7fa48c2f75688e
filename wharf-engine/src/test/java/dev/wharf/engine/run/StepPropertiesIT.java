package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each property of a cmd step reaches its container. */
@DockerTest
class StepPropertiesIT {
  private TaskRunner runner;

  @BeforeEach
  void setUp(ContainerEngine engine) {
    runner = new TaskRunner(engine);
  }

  private String out(String yaml) throws Exception {
    var outcome = runner.run(yaml.replace("BUSYBOX", RunnerIT.BUSYBOX));
    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    return outcome.out();
  }

  @Test
  void env_taskBeatsCommandLineAndStepBeatsBoth() throws Exception {
    runner.env("A=cli").env("B=cli").env("C=cli");
    String out =
        out(
            """
            env: [A=task, B=task]
            steps:
              - cmd: BUSYBOX sh -c "echo $A $B $C $HOME"
                env: [B=step]
            """);

    assertThat(out).isEqualTo("task step cli /acb/home\n");
  }

  @Test
  void entryPoint_replacesTheImageEntrypoint() throws Exception {
    assertThat(
            out(
                """
                steps:
                  - cmd: BUSYBOX hello from the entrypoint
                    entryPoint: echo
                """))
        .isEqualTo("hello from the entrypoint\n");
  }

  @Test
  void user_runsTheContainerAsThatUser() throws Exception {
    assertThat(
            out(
                """
                steps:
                  - cmd: BUSYBOX id -u
                    user: "1234"
                """))
        .isEqualTo("1234\n");
  }

  @Test
  void workingDirectory_isJoinedToTheWorkspaceUnlessOverrideIsDisabled() throws Exception {
    assertThat(
            out(
                """
                steps:
                  - cmd: BUSYBOX pwd
                    workingDirectory: sub/dir
                  - cmd: BUSYBOX pwd
                    workingDirectory: /tmp/../etc
                  - cmd: BUSYBOX pwd
                    disableWorkingDirectoryOverride: true
                """))
        .isEqualTo("/workspace/sub/dir\n/etc\n/\n");
  }

  @Test
  void ports_arePublishedOnTheEngineHost() throws Exception {
    String out =
        out(
            """
            steps:
              - id: web
                cmd: BUSYBOX sh -c "echo published > /tmp/index.html && httpd -f -p 8080 -h /tmp"
                ports: ["18089:8080"]
                detach: true
              - cmd: BUSYBOX sh -c "wget -qO- http://$(ip route | awk '/default/ {print $3}'):18089/index.html"
                retries: 5
                retryDelay: 1
            """);

    assertThat(out).contains("published");
  }

  @Test
  void leadingDockerRunFlags_areApplied() throws Exception {
    assertThat(
            out(
                """
                steps:
                  - cmd: -e GREETING=hi -w /tmp --user 42 BUSYBOX sh -c "echo $GREETING $(pwd) $(id -u)"
                """))
        .isEqualTo("hi /tmp 42\n");
  }

  @Test
  void leadingDockerRunFlagThatCannotBeApplied_failsTheRunClearly() {
    assertThatThrownBy(
            () ->
                runner.run(
                    """
                    steps:
                      - cmd: --shm-size 1g %s true
                    """
                        .formatted(RunnerIT.BUSYBOX)))
        .hasMessageContaining("the docker run flag --shm-size is not supported by Wharf");
  }
}
