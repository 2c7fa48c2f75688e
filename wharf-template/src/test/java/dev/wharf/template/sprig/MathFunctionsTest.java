package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static dev.wharf.template.sprig.SprigCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MathFunctionsTest {

  @Test
  void integerArithmetic_convertsArgumentsLikeCast() {
    assertThat(call("add", 1L, 2L, 3L)).isEqualTo(6L);
    assertThat(call("add1", "41")).isEqualTo(42L);
    assertThat(call("sub", 10L, 4L)).isEqualTo(6L);
    assertThat(call("mul", 2L, 3L, 4L)).isEqualTo(24L);
    assertThat(call("div", 7L, 2L)).isEqualTo(3L);
    assertThat(call("mod", 7L, 3L)).isEqualTo(1L);
    assertThat(call("add", 1.9, "0x10")).isEqualTo(17L);
  }

  @Test
  void div_byZero_isAnError() {
    assertThatThrownBy(() -> call("div", 1L, 0L)).hasMessageContaining("divide by zero");
  }

  @Test
  void minMaxAndRounding_matchSprig() {
    assertThat(call("max", 3L, 9L, 4L)).isEqualTo(9L);
    assertThat(call("biggest", 1L, 5L)).isEqualTo(5L);
    assertThat(call("min", 3L, 9L, 4L)).isEqualTo(3L);
    assertThat(call("ceil", 1.2)).isEqualTo(2.0);
    assertThat(call("floor", "1.8")).isEqualTo(1.0);
    assertThat(call("round", 3.14159, 2L)).isEqualTo(3.14);
    assertThat(call("round", 2.5, 0L)).isEqualTo(3.0);
    assertThat(call("round", 2.5, 0L, 0.6)).isEqualTo(2.0);
  }

  @Test
  void until_hundredMillionItems_isRefused() {
    assertThatThrownBy(() -> call("until", 100_000_000L)).hasMessageContaining("items, the limit");
  }

  @Test
  void untilAndUntilStep_countInSteps() {
    assertThat(call("until", 4L)).isEqualTo(list(0L, 1L, 2L, 3L));
    assertThat(call("until", -2L)).isEqualTo(list(0L, -1L));
    assertThat(call("untilStep", 0L, 10L, 3L)).isEqualTo(list(0L, 3L, 6L, 9L));
    assertThat(call("untilStep", 0L, 10L, -1L)).isEqualTo(list());
  }

  @Test
  void conversions_parseAndDefaultToZero() {
    assertThat(call("atoi", "42")).isEqualTo(42L);
    assertThat(call("atoi", "x")).isEqualTo(0L);
    assertThat(call("int64", "7")).isEqualTo(7L);
    assertThat(call("int", "012")).isEqualTo(10L);
    assertThat(call("float64", "1.25")).isEqualTo(1.25);
    assertThat(call("toDecimal", "0777")).isEqualTo(511L);
  }
}
