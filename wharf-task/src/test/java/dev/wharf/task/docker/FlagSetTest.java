package dev.wharf.task.docker;

import static dev.wharf.task.docker.Flag.bool;
import static dev.wharf.task.docker.Flag.valued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagSetTest {
  private static final FlagSet FLAGS =
      new FlagSet(
          "docker test",
          "see 'docker test --help'",
          List.of(
              valued("name", 'n'),
              bool("interactive", 'i'),
              bool("tty", 't'),
              valued("secret").buildKit()),
          Map.of("nm", "name"));

  private static FlagSet.Parsed parse(boolean interspersed, String... words)
      throws DockerParseException {
    return FLAGS.parse(List.of(words), interspersed);
  }

  @Test
  void parse_longValuedFlag_takesNextWord() throws Exception {
    assertThat(parse(true, "--name", "x", "pos").flags())
        .containsExactly(new FlagValue("name", "x"));
  }

  @Test
  void parse_longValuedFlag_takesNextWordEvenWithDash() throws Exception {
    assertThat(parse(true, "--name", "-x").flags()).containsExactly(new FlagValue("name", "-x"));
  }

  @Test
  void parse_equalsForm_splitsAtFirstEquals() throws Exception {
    assertThat(parse(true, "--name=a=b").flags()).containsExactly(new FlagValue("name", "a=b"));
  }

  @Test
  void parse_alias_reportsCanonicalName() throws Exception {
    assertThat(parse(true, "--nm", "v").flags()).containsExactly(new FlagValue("name", "v"));
  }

  @Test
  void parse_booleanFlag_doesNotTakeNextWord() throws Exception {
    FlagSet.Parsed parsed = parse(true, "--tty", "ctx");
    assertThat(parsed.flags()).containsExactly(new FlagValue("tty", "true"));
    assertThat(parsed.positionals()).containsExactly("ctx");
  }

  @Test
  void parse_booleanEqualsFalse_isFalse() throws Exception {
    assertThat(parse(true, "--tty=false", "-i=0").flags())
        .containsExactly(new FlagValue("tty", "false"), new FlagValue("interactive", "false"));
  }

  @Test
  void parse_booleanWithBadValue_fails() {
    assertThatThrownBy(() -> parse(true, "--tty=maybe"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("invalid boolean value \"maybe\"");
  }

  @Test
  void parse_combinedShorthands_setEachFlag() throws Exception {
    assertThat(parse(true, "-itnfoo").flags())
        .containsExactly(
            new FlagValue("interactive", "true"),
            new FlagValue("tty", "true"),
            new FlagValue("name", "foo"));
  }

  @Test
  void parse_shorthandWithEquals_dropsEquals() throws Exception {
    assertThat(parse(true, "-n=foo").flags()).containsExactly(new FlagValue("name", "foo"));
  }

  @Test
  void parse_shorthandValueInNextWord() throws Exception {
    assertThat(parse(true, "-n", "foo").flags()).containsExactly(new FlagValue("name", "foo"));
  }

  @Test
  void parse_unknownLongFlag_failsWithNameAndHint() {
    assertThatThrownBy(() -> parse(true, "--frob"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unknown flag: --frob")
        .satisfies(e -> assertThat(((DockerParseException) e).hint()).contains("--help"));
  }

  @Test
  void parse_unknownShorthand_fails() {
    assertThatThrownBy(() -> parse(true, "-iz"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unknown shorthand flag: 'z' in -iz");
  }

  @Test
  void parse_valuedFlagAtEnd_fails() {
    assertThatThrownBy(() -> parse(true, "--name"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("flag needs an argument: --name");
    assertThatThrownBy(() -> parse(true, "-n"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("flag needs an argument: 'n' in -n");
  }

  @Test
  void parse_interspersed_readsFlagsAfterPositionals() throws Exception {
    FlagSet.Parsed parsed = parse(true, "a", "-t", "b");
    assertThat(parsed.positionals()).containsExactly("a", "b");
    assertThat(parsed.flags()).hasSize(1);
  }

  @Test
  void parse_notInterspersed_stopsAtFirstPositional() throws Exception {
    FlagSet.Parsed parsed = parse(false, "-t", "img", "-n", "x");
    assertThat(parsed.positionals()).containsExactly("img", "-n", "x");
    assertThat(parsed.flags()).containsExactly(new FlagValue("tty", "true"));
  }

  @Test
  void parse_doubleDash_endsFlags() throws Exception {
    assertThat(parse(true, "--", "--tty", "-").positionals()).containsExactly("--tty", "-");
  }

  @Test
  void parse_singleDash_isPositional() throws Exception {
    assertThat(parse(true, "-").positionals()).containsExactly("-");
  }

  @Test
  void isBuildKitOnly_marksOnlyBuildKitFlags() {
    assertThat(FLAGS.isBuildKitOnly("secret")).isTrue();
    assertThat(FLAGS.isBuildKitOnly("name")).isFalse();
    assertThat(FLAGS.isBuildKitOnly("nope")).isFalse();
  }
}
