package dev.wharf.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.template.Node.ListNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserTest {

  private static Map<String, ListNode> parse(String text) {
    Map<String, ListNode> trees = new HashMap<>();
    Parser.parse("t", text, Builtins.ALL.keySet(), trees);
    return trees;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '~',
      value = {
        "{{.X}} => {{.X}}",
        "{{ .X.Y.Z }} => {{.X.Y.Z}}",
        "{{$x := .X}}{{$x.Y}} => {{$x := .X}}{{$x.Y}}",
        "{{$x := 1}}{{$x = 2}} => {{$x := 1}}{{$x = 2}}",
        "{{.X | printf \"%d\" | len}} => {{.X | printf \"%d\" | len}}",
        "{{(.X).Y}} => {{(.X).Y}}",
        "{{(printf \"a\" 1).Y}} => {{(printf \"a\" 1).Y}}",
        "{{if .X}}a{{end}} => {{if .X}}\"a\"{{end}}",
        "{{if .X}}a{{else if .Y}}b{{else}}c{{end}} => {{if .X}}\"a\"{{else}}{{if .Y}}\"b\"{{else}}\"c\"{{end}}{{end}}",
        "{{range $i, $v := .}}{{$v}}{{end}} => {{range $i, $v := .}}{{$v}}{{end}}",
        "{{with .X}}a{{else}}b{{end}} => {{with .X}}\"a\"{{else}}\"b\"{{end}}",
        "{{template \"x\" .}} => {{template \"x\" .}}",
        "{{template \"x\"}} => {{template \"x\"}}",
        "{{'a'}} {{0x1F}} {{1e3}} {{nil | print}} => {{'a'}}\" \"{{0x1F}}\" \"{{1e3}}\" \"{{nil | print}}",
        "a {{- /* c */ -}} b => \"a\"\"b\"",
        "{{range .}}{{break}}{{continue}}{{end}} => {{range .}}{{break}}{{continue}}{{end}}",
      })
  void parse_tree_rendersLikeGoNodeString(String text, String expected) {
    assertThat(parse(text).get("t").toString()).isEqualTo(expected);
  }

  @Test
  void parse_defineAndBlock_addNamedTrees() {
    Map<String, ListNode> trees = parse("{{define \"a\"}}A{{end}}{{block \"b\" .}}B{{end}}");
    assertThat(trees.keySet()).containsExactlyInAnyOrder("t", "a", "b");
    assertThat(trees.get("a").toString()).isEqualTo("\"A\"");
    assertThat(trees.get("t").toString()).isEqualTo("{{template \"b\" .}}");
  }

  @Test
  void parse_fieldChain_positionIsFirstTrailingField() {
    Node action = parse("{{ .Values.a.b }}").get("t").nodes().get(0);
    Node field = ((Node.ActionNode) action).pipe().cmds().get(0).args().get(0);
    assertThat(field.pos()).isEqualTo(10);
  }
}
