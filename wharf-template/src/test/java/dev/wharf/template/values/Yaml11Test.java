package dev.wharf.template.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Yaml11Test {

  @Test
  void resolvePlain_readsGoIntegersFloatsAndSpecials() {
    assertThat(Yaml11.resolvePlain("1_000")).isEqualTo(1000L);
    assertThat(Yaml11.resolvePlain("-0x10")).isEqualTo(-16L);
    assertThat(Yaml11.resolvePlain("0b101")).isEqualTo(5L);
    assertThat(Yaml11.resolvePlain("0o17")).isEqualTo(15L);
    assertThat(Yaml11.resolvePlain("1e3")).isEqualTo(1000.0);
    assertThat(Yaml11.resolvePlain(".5")).isEqualTo(0.5);
    assertThat(Yaml11.resolvePlain("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Yaml11.resolvePlain("99999999999999999999")).isEqualTo(1e20);
    assertThat(Yaml11.resolvePlain("1.2.3")).isEqualTo("1.2.3");
    assertThat(Yaml11.resolvePlain("ON")).isEqualTo(true);
    assertThat(Yaml11.resolvePlain("Null")).isNull();
  }

  @Test
  void load_keepsQuotedAndBlockScalarsAsText() {
    Object doc = Yaml11.load("a: 'yes'\nb: |\n  on\nc: [y, \"n\"]\n", "x.yaml");
    assertThat(doc).isEqualTo(Map.of("a", "yes", "b", "on\n", "c", List.of(true, "n")));
  }

  @Test
  void load_badYaml_namesTheLabel() {
    assertThatThrownBy(() -> Yaml11.load("a: [1,\n", "values.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("values.yaml");
  }
}
