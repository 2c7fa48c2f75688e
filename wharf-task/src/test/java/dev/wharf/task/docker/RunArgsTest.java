package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunArgsTest {
  @Test
  void parse_imageOnly_hasNoFlagsOrArgs() throws Exception {
    RunRequest request = RunArgs.parse("alpine:3.19");
    assertThat(request.image()).isEqualTo("alpine:3.19");
    assertThat(request.flags()).isEmpty();
    assertThat(request.args()).isEmpty();
  }

  @Test
  void parse_argsAfterImage_areNotFlags() throws Exception {
    RunRequest request = RunArgs.parse("curl -s --unknown http://x");
    assertThat(request.image()).isEqualTo("curl");
    assertThat(request.args()).containsExactly("-s", "--unknown", "http://x");
  }

  @Test
  void parse_leadingRunFlags_areUnderstood() throws Exception {
    RunRequest request =
        RunArgs.parse(
            "-e A=1 --env B=2 -v vol:/data -w /src -u 1000 --entrypoint sh --network host"
                + " -p 8080:80 --expose 90 --privileged --rm -d --name web --add-host h:1.2.3.4"
                + " --shm-size 1g -i -t --init --cpus 2 -m 1g --label a=b --cap-add NET_ADMIN"
                + " --env-file e.env img -c 'echo hi'");
    assertThat(request.env()).containsExactly("A=1", "B=2");
    assertThat(request.volumes()).containsExactly("vol:/data");
    assertThat(request.workdir()).isEqualTo("/src");
    assertThat(request.user()).isEqualTo("1000");
    assertThat(request.entrypoint()).isEqualTo("sh");
    assertThat(request.network()).isEqualTo("host");
    assertThat(request.values("publish")).containsExactly("8080:80");
    assertThat(request.enabled("privileged")).isTrue();
    assertThat(request.enabled("detach")).isTrue();
    assertThat(request.enabled("tty")).isTrue();
    assertThat(request.value("name")).isEqualTo("web");
    assertThat(request.value("memory")).isEqualTo("1g");
    assertThat(request.image()).isEqualTo("img");
    assertThat(request.args()).containsExactly("-c", "echo hi");
  }

  @Test
  void parse_combinedShortFlags_likeDocker() throws Exception {
    RunRequest request = RunArgs.parse("-it -eX=1 -p8080:80 alpine sh");
    assertThat(request.enabled("interactive")).isTrue();
    assertThat(request.enabled("tty")).isTrue();
    assertThat(request.env()).containsExactly("X=1");
    assertThat(request.values("publish")).containsExactly("8080:80");
  }

  @Test
  void parse_netAlias_isNetwork() throws Exception {
    assertThat(RunArgs.parse("--net=none alpine").network()).isEqualTo("none");
  }

  @Test
  void parse_dollarInCmd_reachesContainerLiterally() throws Exception {
    assertThat(RunArgs.parse("bash -c 'echo $HOME' \"$PATH\"").args())
        .containsExactly("-c", "echo $HOME", "$PATH");
  }

  @Test
  void parse_absentFlags_readAsEmpty() throws Exception {
    RunRequest request = RunArgs.parse("alpine");
    assertThat(request.workdir()).isEmpty();
    assertThat(request.user()).isEmpty();
    assertThat(request.entrypoint()).isEmpty();
    assertThat(request.enabled("rm")).isFalse();
  }

  @Test
  void parse_unknownFlag_failsWithHint() {
    assertThatThrownBy(() -> RunArgs.parse("--frob alpine"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unknown flag: --frob")
        .satisfies(e -> assertThat(((DockerParseException) e).hint()).contains("docker run"));
  }

  @Test
  void parse_noImage_fails() {
    assertThatThrownBy(() -> RunArgs.parse("--rm -e A=1"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("the image");
    assertThatThrownBy(() -> RunArgs.parse(""))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("the image");
  }
}
