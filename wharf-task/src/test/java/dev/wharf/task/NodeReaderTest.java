package dev.wharf.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

class NodeReaderTest {

  private final List<Warning> warnings = new ArrayList<>();
  private final NodeReader reader = new NodeReader("acb.yaml", warnings);

  private static Node node(String yaml) {
    // Non-scalar keys allowed here so that the reader's own check is reached.
    return new Compose(
            LoadSettings.builder().setAllowDuplicateKeys(true).setAllowNonScalarKeys(true).build())
        .composeString(yaml)
        .orElseThrow();
  }

  @Test
  void fields_mergeOfScalar_failsWithYamlV2Text() {
    assertThatThrownBy(() -> reader.fields(node("<<: 1\n"), "graph.Step"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("map merge requires map or sequence of maps as the value");
  }

  @Test
  void fields_nonScalarKey_isRejected() {
    assertThatThrownBy(() -> reader.fields(node("? [a]\n: b\n"), "graph.Step"))
        .isInstanceOf(TaskException.class)
        .hasMessageContaining("mapping keys must be plain text");
  }

  @Test
  void fields_keyBeforeMerge_isOverriddenByMergeLikeYamlV2() throws TaskException {
    List<NodeReader.Field> fields = reader.fields(node("a: 1\n<<: {a: 2}\n"), "m");
    assertThat(fields).singleElement().satisfies(f -> assertThat(f.merged()).isTrue());
    assertThat(warnings).isEmpty();
  }

  @Test
  void strings_quotedNull_isText() throws TaskException {
    assertThat(reader.strings(node("[\"null\", null, ~]"))).containsExactly("null", "", "");
  }

  @Test
  void integer_quotedNumber_failsAsString() {
    assertThatThrownBy(() -> reader.integer(node("'60'")))
        .hasMessageContaining("cannot unmarshal !!str `60` into int");
  }

  @Test
  void integer_infinity_failsAsFloat() {
    assertThatThrownBy(() -> reader.integer(node(".inf")))
        .hasMessageContaining("cannot unmarshal !!float `.inf` into int");
  }

  @Test
  void stringMap_keepsOrder() throws TaskException {
    assertThat(reader.stringMap(node("b: 1\na: 2\n")).keySet()).containsExactly("b", "a");
  }
}
