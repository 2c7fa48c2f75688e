package dev.wharf.template.alias;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AliasSplitTest {

  @Test
  void of_cutsTheBlockUntilTheNextTopLevelKey() {
    AliasSplit split =
        AliasSplit.of(
            "version: v1.1.0\nalias:\n  values:\n    x: X\n\n  # c\nsteps:\n  - cmd: $x\n");
    assertThat(split.alias()).isEqualTo("alias:\n  values:\n    x: X\n\n");
    assertThat(split.rest()).isEqualTo("version: v1.1.0\nsteps:\n  - cmd: $x\n");
    assertThat(split.aliasLines()).containsExactly(1, 2, 3, 4);
    assertThat(split.restLines()).containsExactly(0, 6, 7);
  }

  @Test
  void of_endsEveryLineWithNewline_andDropsCarriageReturns() {
    AliasSplit split = AliasSplit.of("a: 1\r\nb: 2");
    assertThat(split.alias()).isEmpty();
    assertThat(split.rest()).isEqualTo("a: 1\nb: 2\n");
  }

  @Test
  void of_blockAfterSteps_goesBackToRestAtNextKey() {
    AliasSplit split = AliasSplit.of("steps:\n  - cmd: x\nalias:\n  values: {a: b}\nenv: [1]\n");
    assertThat(split.alias()).isEqualTo("alias:\n  values: {a: b}\n");
    assertThat(split.rest()).isEqualTo("steps:\n  - cmd: x\nenv: [1]\n");
  }
}
