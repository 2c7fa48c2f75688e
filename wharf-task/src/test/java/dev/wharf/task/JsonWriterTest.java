package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void write_nestedValues_indentsTwoSpaces() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", List.of(1, true));
    map.put("b", Map.of());
    map.put("c", Arrays.asList((Object) null));
    map.put("d", List.of());
    assertThat(JsonWriter.write(map))
        .isEqualTo(
            "{\n  \"a\": [\n    1,\n    true\n  ],\n  \"b\": {},\n  \"c\": [\n    null\n  ],\n"
                + "  \"d\": []\n}");
  }

  @Test
  void write_string_escapesQuotesAndControls() {
    assertThat(JsonWriter.write("a\"b\\c\n\t\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\"");
  }

  @Test
  void write_unknownType_isRejected() {
    assertThatThrownBy(() -> JsonWriter.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
