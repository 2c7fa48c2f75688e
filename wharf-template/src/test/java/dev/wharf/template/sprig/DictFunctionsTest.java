package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static dev.wharf.template.sprig.SprigCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DictFunctionsTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dict(Object... kv) {
    return (Map<String, Object>) call("dict", kv);
  }

  @Test
  void dict_pairsKeysAndValues_oddKeyGetsEmptyString() {
    assertThat(dict("a", 1L, "b")).isEqualTo(Map.of("a", 1L, "b", ""));
    assertThat(dict(1L, "x")).isEqualTo(Map.of("1", "x"));
  }

  @Test
  void setUnsetHasKey_changeTheMap() {
    Map<String, Object> d = dict("x", 1L);
    assertThat(call("set", d, "y", 2L)).isEqualTo(Map.of("x", 1L, "y", 2L));
    assertThat(call("hasKey", d, "y")).isEqualTo(true);
    assertThat(call("unset", d, "x")).isEqualTo(Map.of("y", 2L));
  }

  @Test
  void pickOmitPluckKeysValues_selectEntries() {
    Map<String, Object> d = dict("a", 1L, "b", 2L, "c", 3L);
    assertThat(call("pick", d, "a", "c")).isEqualTo(Map.of("a", 1L, "c", 3L));
    assertThat(call("omit", d, "a")).isEqualTo(Map.of("b", 2L, "c", 3L));
    assertThat(call("pluck", "a", d, dict("a", 9L))).isEqualTo(list(1L, 9L));
    assertThat(call("keys", d)).asInstanceOf(LIST).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(call("values", d)).asInstanceOf(LIST).containsExactlyInAnyOrder(1L, 2L, 3L);
  }

  @Test
  void merge_keepsDestination_mergeOverwriteReplaces() {
    assertThat(call("merge", dict("a", 1L), dict("a", 2L, "b", 3L)))
        .isEqualTo(Map.of("a", 1L, "b", 3L));
    assertThat(call("mergeOverwrite", dict("a", 1L), dict("a", 2L, "b", 3L)))
        .isEqualTo(Map.of("a", 2L, "b", 3L));
    Map<String, Object> nested = new LinkedHashMap<>(Map.of("n", dict("x", 1L)));
    assertThat(call("merge", nested, Map.of("n", dict("y", 2L))))
        .isEqualTo(Map.of("n", Map.of("x", 1L, "y", 2L)));
  }

  @Test
  void defaults_chooseNonEmptyValues() {
    assertThat(call("default", "fallback", null)).isEqualTo("fallback");
    assertThat(call("default", "fallback", "")).isEqualTo("fallback");
    assertThat(call("default", "fallback")).isEqualTo("fallback");
    assertThat(call("default", "x", "set")).isEqualTo("set");
    assertThat(call("empty", 0L)).isEqualTo(true);
    assertThat(call("empty", list())).isEqualTo(true);
    assertThat(call("empty", "x")).isEqualTo(false);
    assertThat(call("coalesce", "", 0L, "z")).isEqualTo("z");
    assertThat(call("ternary", 1L, 2L, false)).isEqualTo(2L);
  }

  @Test
  void reflection_namesGoTypesAndKinds() {
    assertThat(call("kindOf", 1.5)).isEqualTo("float64");
    assertThat(call("kindOf", list())).isEqualTo("slice");
    assertThat(call("typeOf", "s")).isEqualTo("string");
    assertThat(call("typeOf", dict())).isEqualTo("map[string]interface {}");
    assertThat(call("typeIs", "int", 1L)).isEqualTo(true);
    assertThat(call("kindIs", "map", dict())).isEqualTo(true);
    assertThat(call("deepEqual", list(1L, "a"), list(1L, "a"))).isEqualTo(true);
    assertThat(call("deepEqual", 1L, 1.0)).isEqualTo(false);
    Map<String, Object> original = dict("l", list(1L));
    Object copy = call("deepCopy", original);
    assertThat(copy).isEqualTo(original).isNotSameAs(original);
  }
}
