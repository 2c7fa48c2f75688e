package dev.wharf.template.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void parseFile_usesYaml11Typing() throws Exception {
    Map<String, Object> v =
        Values.parseFile(
            "a: yes\nb: off\nc: y\nd: \"yes\"\nf: 1.50\nq: \"07\"\no: 07\nh: 0x1F\n"
                + "big: 12345678901\nn: ~\ndate: 2019-01-01\nnine: 09\n",
            "values.yaml");
    assertThat(v)
        .containsEntry("a", true)
        .containsEntry("b", false)
        .containsEntry("c", true)
        .containsEntry("d", "yes")
        .containsEntry("f", 1.5)
        .containsEntry("q", "07")
        .containsEntry("o", 7L)
        .containsEntry("h", 31L)
        .containsEntry("big", 12345678901L)
        .containsEntry("n", null)
        .containsEntry("date", "2019-01-01")
        .containsEntry("nine", 9.0);
  }

  @Test
  void parseFile_keepsNestedMapsAndListsOfMaps() throws Exception {
    Map<String, Object> v =
        Values.parseFile("image:\n  repo: web\ns:\n  - name: api\n    port: 8080\n", "v");
    assertThat(v.get("image")).isEqualTo(Map.of("repo", "web"));
    assertThat(v.get("s")).isEqualTo(List.of(Map.of("name", "api", "port", 8080L)));
  }

  @Test
  void parseFile_emptyIsNoValues_andListIsAnError() throws Exception {
    assertThat(Values.parseFile("", "v")).isEmpty();
    assertThatThrownBy(() -> Values.parseFile("- a\n", "v"))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("cannot unmarshal !!seq");
  }

  @Test
  void parseFile_mergeKeysWork() throws Exception {
    Map<String, Object> v = Values.parseFile("base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n", "v");
    assertThat(v.get("d")).isEqualTo(Map.of("x", 1L, "y", 2L));
  }

  @Test
  void parseSet_splitsAtFirstEquals_neverAtCommas() throws Exception {
    assertThat(Values.parseSet(List.of("b=2,c=3", "d=ab=", "x.y=z", "e=", "a=1", "a=2")))
        .containsEntry("b", "2,c=3")
        .containsEntry("d", "ab=")
        .containsEntry("x.y", "z")
        .containsEntry("e", "")
        .containsEntry("a", "2");
  }

  @Test
  void parseSet_badEntries_useAcbMessages() {
    assertThatThrownBy(() -> Values.parseSet(List.of("abc")))
        .hasMessage("failed to parse --set data; invalid format, no = assignment found");
    assertThatThrownBy(() -> Values.parseSet(List.of("=x")))
        .hasMessage("failed to parse --set data; expected a key=val format");
  }

  @Test
  void merge_overridesTopLevelKeysOnly() {
    Map<String, Object> merged =
        Values.merge(Map.of("a", 1L, "b", 2L, "n", Map.of("x", 1L)), Map.of("a", "9", "n", "s"));
    assertThat(merged).isEqualTo(Map.of("a", "9", "b", 2L, "n", "s"));
  }

  @Test
  void shellJson_quotesWhenNeeded() {
    assertThat(Values.shellJson(Map.of())).isEqualTo("'{}'");
    assertThat(Values.shellJson(Map.of("msg", "it's <b> & more")))
        .isEqualTo("'{\"msg\":\"it'\"'\"'s \\u003cb\\u003e \\u0026 more\"}'");
    assertThat(Values.shellQuote("")).isEqualTo("''");
    assertThat(Values.shellQuote("a-b.c:d/e@f")).isEqualTo("a-b.c:d/e@f");
    assertThat(Values.shellQuote("a b")).isEqualTo("'a b'");
  }
}
