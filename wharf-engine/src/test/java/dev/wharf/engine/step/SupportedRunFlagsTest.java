package dev.wharf.engine.step;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.task.docker.RunArgs;
import org.junit.jupiter.api.Test;

class SupportedRunFlagsTest {

  @Test
  void check_flagsTheContainerHonours_pass() {
    assertThatCode(
            () ->
                SupportedRunFlags.check(
                    "s",
                    RunArgs.parse(
                        "--rm -d -e A=1 -u 1 -w /x -p 80:80 --network n --privileged img cmd")))
        .doesNotThrowAnyException();
  }

  @Test
  void check_flagThatWouldBeDropped_isRefusedNamingIt() {
    assertThatThrownBy(() -> SupportedRunFlags.check("s", RunArgs.parse("--shm-size 1g img true")))
        .hasMessage("cmd of step s: the docker run flag --shm-size is not supported by Wharf");
  }

  @Test
  void check_flagsAfterTheImage_belongToTheContainer() {
    assertThatCode(
            () -> SupportedRunFlags.check("s", RunArgs.parse("img --shm-size 1g --cap-add x")))
        .doesNotThrowAnyException();
  }
}
