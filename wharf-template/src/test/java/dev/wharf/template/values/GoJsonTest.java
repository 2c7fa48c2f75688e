package dev.wharf.template.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {

  @Test
  void compact_sortsKeysAndKeepsTypes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", Arrays.asList(1L, null, true));
    m.put("a", "x");
    assertThat(GoJson.compact(m)).isEqualTo("{\"a\":\"x\",\"z\":[1,null,true]}");
  }

  @Test
  void numbers_printAsGoDoes() {
    assertThat(GoJson.compact(1.5)).isEqualTo("1.5");
    assertThat(GoJson.compact(3.0)).isEqualTo("3");
    assertThat(GoJson.compact(1e21)).isEqualTo("1e+21");
    assertThat(GoJson.compact(1e-7)).isEqualTo("1e-7");
    assertThat(GoJson.compact(123456789.0)).isEqualTo("123456789");
    assertThatThrownBy(() -> GoJson.compact(Double.NaN)).hasMessageContaining("unsupported value");
  }

  @Test
  void strings_escapeControlAndHtmlCharacters() {
    assertThat(GoJson.compact("a\"\\\n\t\u0001<>&\u2028"))
        .isEqualTo("\"a\\\"\\\\\\n\\t\\u0001\\u003c\\u003e\\u0026\\u2028\"");
  }
}
