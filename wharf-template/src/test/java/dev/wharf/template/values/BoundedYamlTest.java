package dev.wharf.template.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

class BoundedYamlTest {

  private static final LoadSettings SETTINGS = BoundedYaml.settings(LoadSettings.builder());

  @Test
  void compose_threeThousandNestedSequences_isRefusedWithoutStackOverflow() {
    String deep = "[".repeat(3000) + "]".repeat(3000);

    assertThatThrownBy(() -> BoundedYaml.compose(deep, SETTINGS))
        .isInstanceOf(YamlEngineException.class)
        .hasMessageContaining("nesting is deeper than 100 levels");
  }

  @Test
  void compose_threeThousandNestedBlockSequences_isRefused() {
    String deep = "- ".repeat(3000) + "x\n";

    assertThatThrownBy(() -> BoundedYaml.compose(deep, SETTINGS))
        .isInstanceOf(YamlEngineException.class)
        .hasMessageContaining("nesting is deeper");
  }

  @Test
  void compose_nestingAtTheLimit_isRead() {
    String deep = "[".repeat(100) + "]".repeat(100);

    assertThat(BoundedYaml.compose(deep, SETTINGS)).isPresent();
  }

  @Test
  void compose_documentOverTheSizeLimit_isRefused() {
    String big = "a: " + "x".repeat(BoundedYaml.MAX_DOCUMENT_CODE_POINTS) + "\n";

    assertThatThrownBy(() -> BoundedYaml.compose(big, SETTINGS))
        .isInstanceOf(YamlEngineException.class)
        .hasMessageContaining("larger than");
  }

  @Test
  void load_billionLaughs_isRefusedOnceAliasesExpandPastTheLimit() {
    // 42 aliases (under the parser's 50) that expand to four million nodes
    StringBuilder laughs = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i <= 21; i++) {
      laughs.append("a" + i + ": &a" + i + " [*a" + (i - 1) + ", *a" + (i - 1) + "]\n");
    }

    assertThatThrownBy(() -> Yaml11.load(laughs.toString(), "values.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("once its aliases are expanded");
  }
}
