package dev.wharf.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoValuesTest {

  record Pair(String a, long b) {}

  @Test
  void formatFloat_usesGoShortestForm() {
    assertThat(GoValues.formatFloat(1.5)).isEqualTo("1.5");
    assertThat(GoValues.formatFloat(3.0)).isEqualTo("3");
    assertThat(GoValues.formatFloat(2e6)).isEqualTo("2e+06");
    assertThat(GoValues.formatFloat(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }

  @Test
  void sprint_printsLikeFmtSprint() {
    assertThat(GoValues.sprint(null)).isEqualTo("<nil>");
    assertThat(GoValues.sprint(List.of(1, "a", 2.25))).isEqualTo("[1 a 2.25]");
    assertThat(GoValues.sprint(Map.of("z", 1, "a", List.of()))).isEqualTo("map[a:[] z:1]");
    assertThat(GoValues.sprint(new Pair("x", 2))).isEqualTo("{x 2}");
  }

  @Test
  void isTrue_followsGoTruth() {
    assertThat(GoValues.isTrue(0)).isFalse();
    assertThat(GoValues.isTrue(0.0)).isFalse();
    assertThat(GoValues.isTrue("")).isFalse();
    assertThat(GoValues.isTrue(List.of())).isFalse();
    assertThat(GoValues.isTrue(new Pair("", 0))).isTrue();
    assertThat(GoValues.isTrue((short) 2)).isTrue();
  }
}
