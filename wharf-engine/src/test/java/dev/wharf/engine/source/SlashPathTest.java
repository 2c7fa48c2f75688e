package dev.wharf.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlashPathTest {

  @ParameterizedTest
  @CsvSource({
    "'', .",
    "a//b/./c/, a/b/c",
    "./a, a",
    "a/../.., ..",
    "../../a, ../../a",
    "/../a, /a",
    "/, /",
    "a/b/../c, a/c",
  })
  void clean_followsGoPathClean(String input, String expected) {
    assertThat(SlashPath.clean(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"..,true", "../x,true", "/etc,true", "a/..x,false", "..a,false", "a,false"})
  void escapes_detectsClimbingAndAbsolutePaths(String cleaned, boolean expected) {
    assertThat(SlashPath.escapes(cleaned)).isEqualTo(expected);
  }
}
