package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BuildArgsTest {
  @Test
  void parse_fullBuild_extractsEveryField() throws Exception {
    BuildRequest request =
        BuildArgs.parse(
            "-t a:1 --tag=b --build-arg X=1 --build-arg Y -f docker/Dockerfile --target prod ctx");
    assertThat(request.tags()).containsExactly("a:1", "b");
    assertThat(request.buildArgs()).containsExactly("X=1", "Y");
    assertThat(request.dockerfile()).isEqualTo("docker/Dockerfile");
    assertThat(request.target()).isEqualTo("prod");
    assertThat(request.context()).isEqualTo("ctx");
  }

  @Test
  void parse_absentFields_areEmpty() throws Exception {
    BuildRequest request = BuildArgs.parse(".");
    assertThat(request.tags()).isEmpty();
    assertThat(request.buildArgs()).isEmpty();
    assertThat(request.dockerfile()).isEmpty();
    assertThat(request.target()).isEmpty();
    assertThat(request.needsBuildKit()).isFalse();
  }

  @Test
  void parse_booleanFlags_doNotSwallowTheContext() throws Exception {
    BuildRequest request = BuildArgs.parse("--pull --no-cache -q --rm --force-rm --squash ctx");
    assertThat(request.context()).isEqualTo("ctx");
    assertThat(request.enabled("pull")).isTrue();
    assertThat(request.enabled("quiet")).isTrue();
  }

  @Test
  void parse_valuedFlags_takeTheirValues() throws Exception {
    BuildRequest request =
        BuildArgs.parse(
            "--network host --platform linux/arm64 --add-host h:1.2.3.4 --cache-from x"
                + " --iidfile id --isolation default --shm-size 1g --ulimit nofile=1024"
                + " --label a=b --label c=d -m 2g --cpu-shares 2 --cpuset-cpus 0-1 ctx");
    assertThat(request.context()).isEqualTo("ctx");
    assertThat(request.value("network")).isEqualTo("host");
    assertThat(request.value("platform")).isEqualTo("linux/arm64");
    assertThat(request.values("label")).containsExactly("a=b", "c=d");
    assertThat(request.value("memory")).isEqualTo("2g");
    assertThat(request.value("missing")).isEmpty();
  }

  @Test
  void parse_combinedShortFlags_areUnderstood() throws Exception {
    BuildRequest request = BuildArgs.parse("-qt app -fDockerfile.ci .");
    assertThat(request.enabled("quiet")).isTrue();
    assertThat(request.tags()).containsExactly("app");
    assertThat(request.dockerfile()).isEqualTo("Dockerfile.ci");
  }

  @Test
  void parse_lastFileAndTargetWin() throws Exception {
    BuildRequest request = BuildArgs.parse("-f a -f b --target x --target=y .");
    assertThat(request.dockerfile()).isEqualTo("b");
    assertThat(request.target()).isEqualTo("y");
  }

  @Test
  void parse_buildKitFlags_areMarkedOnce() throws Exception {
    BuildRequest request =
        BuildArgs.parse("--secret id=a --secret id=b --ssh default --cache-to type=inline .");
    assertThat(request.buildKitFlags()).containsExactly("secret", "ssh", "cache-to");
    assertThat(request.needsBuildKit()).isTrue();
  }

  @Test
  void parse_quotedValues_areUnquoted() throws Exception {
    BuildRequest request = BuildArgs.parse("--build-arg 'MSG=hello world' \"./my ctx\"");
    assertThat(request.buildArgs()).containsExactly("MSG=hello world");
    assertThat(request.context()).isEqualTo("./my ctx");
  }

  @Test
  void parse_contextSpec_classifiesTheContext() throws Exception {
    assertThat(BuildArgs.parse("https://h/r.git#main:sub").contextSpec().gitSubdir())
        .isEqualTo("sub");
  }

  @Test
  void parse_unknownFlag_failsWithDockerStyleMessage() {
    assertThatThrownBy(() -> BuildArgs.parse("--frobnicate -t x ."))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unknown flag: --frobnicate")
        .satisfies(e -> assertThat(((DockerParseException) e).hint()).contains("docker build"));
  }

  @Test
  void parse_noContext_fails() {
    assertThatThrownBy(() -> BuildArgs.parse("-t x"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("requires exactly 1 argument");
  }

  @Test
  void parse_twoContexts_fails() {
    assertThatThrownBy(() -> BuildArgs.parse("--build-arg A=1 ctx extra"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("[ctx, extra]");
  }

  @Test
  void parse_runOnlyFlag_isUnknownToBuild() {
    assertThatThrownBy(() -> BuildArgs.parse("-e A=1 ."))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("'e'");
  }
}
