package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseImagesTest {
  private static BaseImages of(String dockerfile, Map<String, String> buildArgs, String target)
      throws DockerParseException {
    return BaseImages.of(Dockerfile.parse(dockerfile), buildArgs, target);
  }

  private static BaseImages of(String dockerfile) throws DockerParseException {
    return of(dockerfile, Map.of(), "");
  }

  @Test
  void of_stages_listOriginsAndLastIsRuntime() throws Exception {
    BaseImages images = of("FROM a AS x\nFROM x AS y\nFROM b\n");
    assertThat(images.origins()).containsExactly("a", "a", "b");
    assertThat(images.runtime()).isEqualTo("b");
  }

  @Test
  void of_stageNames_matchCaseInsensitively() throws Exception {
    assertThat(of("FROM a AS Build\nFROM BUILD").runtime()).isEqualTo("a");
  }

  @Test
  void of_quotedAlias_isUnquoted() throws Exception {
    assertThat(of("FROM \"a:1\" AS 'b'\nFROM b").runtime()).isEqualTo("a:1");
  }

  @Test
  void of_target_stopsAtThatStage() throws Exception {
    BaseImages images = of("FROM a AS one\nFROM b AS TWO\nFROM c", Map.of(), "two");
    assertThat(images.origins()).containsExactly("a", "b");
    assertThat(images.runtime()).isEqualTo("b");
  }

  @Test
  void of_unknownTarget_fails() {
    assertThatThrownBy(() -> of("FROM a AS one", Map.of(), "nope"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("target stage \"nope\" could not be found");
  }

  @Test
  void of_repeatedGlobalArg_keepsLastValue() throws Exception {
    assertThat(of("ARG T=1\nARG T=2\nFROM a:$T").runtime()).isEqualTo("a:2");
  }

  @Test
  void of_argWithoutDefault_keepsEarlierValue() throws Exception {
    assertThat(of("ARG T=1\nARG T\nFROM a:$T").runtime()).isEqualTo("a:1");
  }

  @Test
  void of_buildArg_overridesDeclaredArg() throws Exception {
    assertThat(of("ARG T=1\nFROM a:$T", Map.of("T", "9"), "").runtime()).isEqualTo("a:9");
  }

  @Test
  void of_buildArg_ignoredForUndeclaredArg() throws Exception {
    assertThat(of("FROM a${T}", Map.of("T", ":9"), "").runtime()).isEqualTo("a");
  }

  @Test
  void of_stageArg_notVisibleToLaterFrom() throws Exception {
    assertThat(of("FROM a\nARG R=x/\nFROM ${R}b", Map.of("R", "y/"), "").runtime()).isEqualTo("b");
  }

  @Test
  void of_argDefault_expandsEarlierArgsAndQuotes() throws Exception {
    assertThat(of("ARG A=1\nARG B=\"${A}.2\" C\nFROM a:$B").runtime()).isEqualTo("a:1.2");
  }

  @Test
  void of_stageArgDefault_isNotExpanded() throws Exception {
    assertThat(of("FROM a\nARG Y=${X:?needed}\nFROM b").runtime()).isEqualTo("b");
  }

  @Test
  void of_stageArgWithoutName_fails() {
    assertThatThrownBy(() -> of("FROM a\nARG\nFROM b"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("LINE: ARG");
  }

  @Test
  void of_platformFlag_isAccepted() throws Exception {
    assertThat(of("FROM --platform=$BUILDPLATFORM a AS b\nFROM b").runtime()).isEqualTo("a");
  }

  @Test
  void of_platformArgs_areAutomatic() throws Exception {
    assertThat(of("FROM a:${TARGETOS}").runtime()).isEqualTo("a:linux");
  }

  @Test
  void of_platformFlagWithoutEquals_fails() {
    assertThatThrownBy(() -> of("FROM --platform linux/amd64 a"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("missing a value on flag --platform");
  }

  @Test
  void of_unknownFromFlag_fails() {
    assertThatThrownBy(() -> of("FROM --foo=1 a"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unknown flag --foo=1 in FROM");
  }

  @Test
  void of_extraWords_failWithAcbText() {
    assertThatThrownBy(() -> of("FROM a AS b c"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unable to understand line FROM a AS b c (line 1)");
  }

  @Test
  void of_blankImage_fails() {
    assertThatThrownBy(() -> of("FROM $NOPE"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("base name ($NOPE) should not be blank");
  }

  @Test
  void of_invalidImage_failsWithLine() {
    assertThatThrownBy(() -> of("FROM a\nFROM Bad"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("repository name must be lowercase (line 2)");
  }

  @Test
  void of_invalidStageName_fails() {
    assertThatThrownBy(() -> of("FROM a AS 1st"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("invalid name for build stage");
  }

  @Test
  void of_duplicateStageName_fails() {
    assertThatThrownBy(() -> of("FROM a AS x\nFROM b AS X"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("duplicate stage name \"x\"");
  }

  @Test
  void of_blankArgName_fails() {
    assertThatThrownBy(() -> of("ARG =1\nFROM a"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("ARG names can not be blank");
  }

  @Test
  void of_badSubstitution_failsWithLine() {
    assertThatThrownBy(() -> of("\nFROM a${X"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("(line 2)");
  }
}
