package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScalarsTest {

  @Test
  void integer_acceptsGoBasePrefixesAndUnderscores() {
    assertThat(Scalars.integer("0x1F")).isEqualTo(31L);
    assertThat(Scalars.integer("0b101")).isEqualTo(5L);
    assertThat(Scalars.integer("0o17")).isEqualTo(15L);
    assertThat(Scalars.integer("017")).isEqualTo(15L);
    assertThat(Scalars.integer("-1_000")).isEqualTo(-1000L);
    assertThat(Scalars.integer("+7")).isEqualTo(7L);
  }

  @Test
  void integer_rejectsTextAndOverflow() {
    assertThat(Scalars.integer("12a")).isNull();
    assertThat(Scalars.integer("--1")).isNull();
    assertThat(Scalars.integer("0x")).isNull();
    assertThat(Scalars.integer("99999999999999999999")).isNull();
    assertThat(Scalars.integer("089")).isNull();
  }

  @Test
  void floating_readsYaml11Floats() {
    assertThat(Scalars.floating("1.5")).isEqualTo(1.5);
    assertThat(Scalars.floating("1e3")).isEqualTo(1000.0);
    assertThat(Scalars.floating("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Scalars.floating(".NaN")).isNaN();
    assertThat(Scalars.floating("1.2.3")).isNull();
  }

  @Test
  void isTrue_knowsYaml11Spellings() {
    assertThat(Scalars.isTrue("y")).isTrue();
    assertThat(Scalars.isTrue("On")).isTrue();
    assertThat(Scalars.isTrue("off")).isFalse();
  }
}
