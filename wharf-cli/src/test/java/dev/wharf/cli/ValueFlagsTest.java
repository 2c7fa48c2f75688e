package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueFlagsTest {

  @Test
  void parse_repeatedKey_lastWins() throws BadInputException {
    assertThat(ValueFlags.parse(List.of("a=1", "b=x=y", "a=2")))
        .containsExactly(Map.entry("a", "2"), Map.entry("b", "x=y"));
  }

  @Test
  void parse_withoutEquals_isBadInputWithAcbsMessage() {
    assertThatThrownBy(() -> ValueFlags.parse(List.of("novalue")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("failed to parse --set data");
  }
}
