package dev.wharf.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateTest {

  record Person(String Name, long Age) {}

  record Point(long x, long y) {}

  static final Map<String, TemplateFunction> FUNCS =
      Map.of(
          "upper", TemplateFunction.of(1, a -> String.valueOf(a.get(0)).toUpperCase(Locale.ROOT)),
          "fail",
              TemplateFunction.of(
                  1,
                  a -> {
                    throw new IllegalStateException(String.valueOf(a.get(0)));
                  }));

  static Map<String, Object> data() {
    Map<String, Object> values = new HashMap<>();
    values.put("name", "web");
    values.put("env", "prod");
    values.put("items", List.of("a", "b", "c"));
    values.put("nums", List.of(3L, 1L, 2L));
    values.put("emptyList", List.of());
    values.put("n", 3L);
    values.put("zero", 0L);
    values.put("f", 1.5);
    values.put("flag", true);
    values.put("empty", "");
    values.put("m", Map.of("b", 2L, "a", 1L));
    values.put("nested", Map.of("a", Map.of("b", "deep")));
    values.put("nil", null);
    values.put("x.y", "dotted");
    Map<String, Object> data = new HashMap<>();
    data.put("Values", values);
    data.put("Run", Map.of("ID", "cb1", "Registry", "r.io"));
    data.put("Rec", new Person("Alice", 30));
    data.put("Pt", new Point(1, 2));
    data.put("Fn", TemplateFunction.of(1, a -> String.valueOf(a.get(0)).toUpperCase(Locale.ROOT)));
    return data;
  }

  static String render(String text) throws TemplateException {
    return Template.parse("t", text, FUNCS).execute(data());
  }

  private static Arguments ok(String template, String expected) {
    return Arguments.of(template, expected, null);
  }

  private static Arguments err(String template, String message) {
    return Arguments.of(template, null, message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void execute_goSemantics_matchesGo(String template, String expected, String error)
      throws TemplateException {
    if (error == null) {
      assertThat(render(template)).isEqualTo(expected);
    } else {
      assertThatThrownBy(() -> render(template))
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining(error);
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    c.addAll(basics());
    c.addAll(control());
    c.addAll(builtins());
    c.addAll(Arrays.asList(PrintfCases.all()));
    c.addAll(errors());
    return c.stream();
  }

  static List<Arguments> basics() {
    return List.of(
        ok("hello", "hello"),
        ok("", ""),
        ok("{{.Values.name}}", "web"),
        ok("{{ .Values.name }}", "web"),
        ok("{{.Values.missing}}", "<no value>"),
        ok("{{.Values.nil}}", "<no value>"),
        ok("{{.Nope}}", "<no value>"),
        ok("{{.Values.items}}", "[a b c]"),
        ok("{{.Values.m}}", "map[a:1 b:2]"),
        ok("{{.Values.nested}}", "map[a:map[b:deep]]"),
        ok("{{.Values.f}} {{.Values.flag}} {{.Values.n}}", "1.5 true 3"),
        ok("{{.Rec.Name}} {{.Rec.Age}}", "Alice 30"),
        ok("{{.Rec}}", "{Alice 30}"),
        ok("{{.Pt.X}},{{.Pt.Y}}", "1,2"),
        ok("{{$.Run.ID}}", "cb1"),
        ok("{{index .Values \"x.y\"}}", "dotted"),
        ok("{{1}} {{-1}} {{ -1 }} {{+2}}", "1 -1 -1 2"),
        ok("{{1.5}} {{1e3}} {{3.0}} {{.1}}", "1.5 1000 3 0.1"),
        ok("{{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}}", "31 15 15 5 1000"),
        ok("{{'a'}} {{'\\n'}} {{'\\x41'}} {{'é'}}", "97 10 65 233"),
        ok("{{\"a\\tb\"}}", "a\tb"),
        ok("{{\"\\u00e9\\x41\\101\"}}", "éAA"),
        ok("{{`raw\\n \"q\"`}}", "raw\\n \"q\""),
        ok("{{true}} {{false}}", "true false"),
        ok("{{1e6}} {{0.000001}} {{100000.0}} {{1234567.0}}", "1e+06 1e-06 100000 1.234567e+06"),
        ok("{{0x1E}} {{1E2}}", "30 100"),
        ok("{{\"{{\"}}.Run.ID{{\"}}\"}}", "{{.Run.ID}}"),
        ok("héllo {{1}} wörld", "héllo 1 wörld"),
        ok("a }} b", "a }} b"),
        ok("{{$x := 5}}{{$x}}", "5"),
        ok("{{$x := 1}}{{$x = 2}}{{$x}}", "2"),
        ok("{{$x := .Values.name}}{{$x}}", "web"),
        ok("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", "2"),
        ok("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", "21"),
        ok("{{$n := .Values.nested}}{{$n.a.b}}", "deep"),
        ok("{{$x := .Values.missing}}{{$x.deeper}}", "<no value>"),
        ok("{{\"a\" | upper}}", "A"),
        ok("{{.Values.name | upper | printf \"<%s>\"}}", "<WEB>"),
        ok("{{\"a\" | printf \"%s-%s\" \"b\"}}", "b-a"),
        ok("{{(printf \"%d\" 5) | len}}", "1"),
        ok("{{printf \"%s\" (print 1 2)}}", "1 2"),
        ok("{{(.Values.m).a}}", "1"),
        ok("{{(index .Values.nested \"a\").b}}", "deep"),
        ok("{{(.Values.missing).x}}", "<no value>"),
        ok("{{if\n true\n}}y{{end}}", "y"),
        ok("a  {{- 1}}", "a1"),
        ok("{{1 -}}  \n b", "1b"),
        ok("a \n {{- 1 -}} \n b", "a1b"),
        ok("x{{- \"y\" -}}\n\nz", "xyz"),
        ok("a {{/* c */}} b", "a  b"),
        ok("a {{- /* c */ -}} b", "ab"),
        ok("{{/* multi\nline */}}ok", "ok"),
        ok("{{- 1}}", "1"),
        ok("{{- $x := 3 -}}\n{{ $x }}", "3"),
        ok("{{range .Values.items -}} {{.}} {{- end}}", "abc"));
  }

  static List<Arguments> control() {
    return List.of(
        ok("{{if .Values.flag}}yes{{end}}", "yes"),
        ok("{{if .Values.empty}}yes{{else}}no{{end}}", "no"),
        ok("{{if .Values.missing}}yes{{else}}no{{end}}", "no"),
        ok("{{if .Values.zero}}a{{else if .Values.n}}b{{else}}c{{end}}", "b"),
        ok("{{if 0}}a{{else if false}}b{{else}}c{{end}}", "c"),
        ok("{{if .Values.items}}x{{end}}{{if .Values.emptyList}}y{{end}}", "x"),
        ok("{{if .Values.m}}x{{end}}{{if .Rec}}r{{end}}", "xr"),
        ok("{{if 0.0}}x{{else}}y{{end}}", "y"),
        ok("{{if and .Values.flag (eq .Values.env \"prod\")}}P{{end}}", "P"),
        ok("{{if or .Values.missing .Values.name}}{{.Values.name}}{{end}}", "web"),
        ok("{{if eq .Values.env \"prod\" \"dev\"}}m{{end}}", "m"),
        ok("{{with .Values.name}}{{.}}{{end}}", "web"),
        ok("{{with .Values.missing}}{{.}}{{else}}none{{end}}", "none"),
        ok("{{with .Values.m}}{{.a}}{{end}}", "1"),
        ok("{{with $x := .Values.name}}{{$x}}{{.}}{{end}}", "webweb"),
        ok("{{with .Values}}{{$.Run.ID}}{{end}}", "cb1"),
        ok("{{with .Values.items}}{{len .}}{{end}}", "3"),
        ok("{{range .Values.items}}{{.}},{{end}}", "a,b,c,"),
        ok("{{range $i, $v := .Values.items}}{{$i}}={{$v}};{{end}}", "0=a;1=b;2=c;"),
        ok("{{range $v := .Values.items}}{{$v}}{{end}}", "abc"),
        ok("{{range $k, $v := .Values.m}}{{$k}}{{$v}}{{end}}", "a1b2"),
        ok("{{range .Values.m}}{{.}}{{end}}", "12"),
        ok("{{range .Values.missing}}x{{else}}empty{{end}}", "empty"),
        ok("{{range .Values.emptyList}}x{{else}}empty{{end}}", "empty"),
        ok("{{range .Values.items}}{{.}}{{else}}none{{end}}", "abc"),
        ok("{{range .Values.items}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "a"),
        ok("{{range .Values.items}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "ac"),
        ok("{{range .Values.items}}{{$x := .}}{{end}}ok", "ok"),
        ok("{{range $i, $e := .Values.nums}}{{if $i}}, {{end}}{{$e}}{{end}}", "3, 1, 2"),
        ok("{{range .Values.items}}{{range $.Values.nums}}{{.}}{{end}}|{{end}}", "312|312|312|"),
        ok("{{range .Values.items}}{{$.Run.ID}}{{end}}", "cb1cb1cb1"),
        ok("{{range $i, $_ := .Values.items}}{{$i}}{{end}}", "012"),
        ok("{{define \"a\"}}A{{.}}{{end}}{{template \"a\" 1}}", "A1"),
        ok("{{define \"a\"}}[{{.}}]{{end}}{{template \"a\"}}", "[<no value>]"),
        ok("{{block \"b\" .Values.name}}[{{.}}]{{end}}", "[web]"),
        ok("{{define \"x\"}}{{$}}{{end}}{{template \"x\" \"d\"}}", "d"),
        ok("x{{define \"a\"}}A{{end}}y", "xy"),
        ok(
            "{{define \"g\"}}hi {{.who}}{{end -}}\nmsg: {{template \"g\" .Run}}",
            "msg: hi <no value>"),
        ok("{{define \"t\"}}T{{end}}", "T"),
        ok(
            "{{define \"list\"}}{{range .}}<{{.}}>{{end}}{{end}}{{template \"list\" .Values.items}}",
            "<a><b><c>"));
  }

  static List<Arguments> builtins() {
    return List.of(
        ok("{{and 1 0}} {{and 1 2}} {{or 0 \"x\"}} [{{or 0 \"\"}}]", "0 2 x []"),
        ok("{{and 0 .Values.missing.deep}}", "0"),
        ok("{{or 1 (index .Values.items 10)}}", "1"),
        ok("{{1 | and 2}} {{0 | or 0}}", "1 0"),
        ok("{{not 0}} {{not 1}} {{not \"\"}} {{not .Values.items}}", "true false true false"),
        ok("{{len .Values.items}} {{len .Values.m}} {{len \"héllo\"}}", "3 2 6"),
        ok("{{.Values.name | len}}", "3"),
        ok("{{index .Values.items 1}} {{index .Values.m \"b\"}}", "b 2"),
        ok("{{index .Values.m \"zz\"}}", "<no value>"),
        ok("{{index \"abc\" 1}}", "98"),
        ok("{{index .Values.items}}", "[a b c]"),
        ok("{{index .Values.nested \"a\" \"b\"}}", "deep"),
        ok("{{index .Values.m \"a\" | printf \"%03d\"}}", "001"),
        ok(
            "{{slice .Values.items 1}} {{slice .Values.items 1 2}} {{slice .Values.items}}",
            "[b c] [b] [a b c]"),
        ok("{{slice \"hello\" 1 3}}", "el"),
        ok("{{print \"a\" 1 2 \"b\"}}|{{print 1 2}}|{{print \"a\" \"b\"}}", "a1 2b|1 2|ab"),
        ok("{{print nil}} {{print}}", "<nil> "),
        ok("{{println 1 \"a\"}}", "1 a\n"),
        ok("{{println}}", "\n"),
        ok("{{html \"<a href='x'>&\\\"</a>\"}}", "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
        ok("{{html 1 2}}", "1 2"),
        ok(
            "{{html .Values.missing}}|{{urlquery nil 1}}|{{print nil 1}}",
            "&lt;no value&gt;|%3Cno+value%3E1|<nil> 1"),
        ok("{{js \"a'b\\\"c<d>&=\\\\\"}}", "a\\'b\\\"c\\u003Cd\\u003E\\u0026\\u003D\\\\"),
        ok("{{js \"it's\"}}", "it\\'s"),
        ok("{{urlquery \"a b&c=d/é\"}}", "a+b%26c%3Dd%2F%C3%A9"),
        ok("{{eq 1 1}} {{eq 1 2}} {{eq \"a\" \"a\"}} {{eq 1 2 3 1}}", "true false true true"),
        ok("{{eq .Values.missing \"x\"}} {{eq .Values.missing .Values.nil}}", "false true"),
        ok("{{eq .Rec .Rec}} {{eq 1.5 1.5}} {{eq true true}}", "true true true"),
        ok("{{ne 1 2}} {{ne \"a\" \"a\"}}", "true false"),
        ok("{{eq nil 1}} {{eq nil nil}} {{not nil}} {{and nil 1}}", "false true true <no value>"),
        ok("{{lt 1 2}} {{lt 2 1}} {{lt \"a\" \"b\"}} {{lt 1.5 2.5}}", "true false true true"),
        ok("{{le 2 2}} {{gt 3 2}} {{ge 2 3}} {{ge \"b\" \"a\"}}", "true true false true"),
        ok("{{ 3 | eq 3 }} {{\"x\" | not}}", "true false"),
        ok("{{call .Fn \"x\"}}", "X"),
        ok("{{\"x\" | call .Fn}}", "X"));
  }

  static List<Arguments> errors() {
    return List.of(
        err("{{", "template: t:1: unclosed action"),
        err("{{.Values.a", "template: t:1: unclosed action"),
        err("{{ .Values.a \n", "template: t:2: unclosed action started at t:1"),
        err("{{end}}", "template: t:1: unexpected {{end}}"),
        err("{{else}}", "template: t:1: unexpected {{else}}"),
        err("{{if true}}", "template: t:1: unexpected EOF"),
        err("a\n{{if true}}\n", "template: t:3: unexpected EOF"),
        err("{{if}}{{end}}", "template: t:1: missing value for if"),
        err("{{range}}{{end}}", "template: t:1: missing value for range"),
        err("{{required \"x\" .Values.a}}", "template: t:1: function \"required\" not defined"),
        err("{{$nope}}", "template: t:1: undefined variable \"$nope\""),
        err("{{if true}}{{$x := 1}}{{end}}{{$x}}", "undefined variable \"$x\""),
        err("{{range $i, $v := .Values.items}}{{end}}{{$i}}", "undefined variable \"$i\""),
        err("{{$v := 1}}{{define \"x\"}}{{$v}}{{end}}", "undefined variable \"$v\""),
        err("{{break}}", "template: t:1: {{break}} outside {{range}}"),
        err("{{continue}}", "{{continue}} outside {{range}}"),
        err("{{range .Values.items}}{{break 1}}{{end}}", "unexpected \"1\" in {{break}}"),
        err("{{1 | 2}}", "template: t:1: non executable command in pipeline stage 2"),
        err("{{.a | \"x\"}}", "non executable command in pipeline stage 2"),
        err("{{(1}}", "unclosed left paren"),
        err("{{1)}}", "unexpected right paren U+0029 ')'"),
        err("{{\"abc}}", "unterminated quoted string"),
        err("{{`abc}}", "unterminated raw quoted string"),
        err("{{'ab'}}", "malformed character constant: 'ab'"),
        err("{{3k}}", "bad number syntax: \"3k\""),
        err("{{.a#}}", "bad character U+0023 '#'"),
        err("{{1.2.3}}", "unexpected \".3\" in operand"),
        err("{{\"\\z\"}}", "template: t:1: invalid syntax"),
        err("{{0x}}", "illegal number syntax: \"0x\""),
        err("{{99999999999999999999}}", "integer overflow: \"99999999999999999999\""),
        err("{{\"x\".y}}", "unexpected . after term \"\\\"x\\\"\""),
        err("{{/* unclosed", "unclosed comment"),
        err("{{/* c */ 1}}", "comment ends before closing delimiter"),
        err(
            "{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}",
            "template: t:1: template: multiple definition of template \"a\""),
        err("{{define}}{{end}}", "unexpected \"}}\" in define clause"),
        err("{{template}}", "unexpected \"}}\" in template clause"),
        err("{{with .a}}x{{else with .b}}y{{end}}", "unexpected <with> in else"),
        err("{{if 1}}{{else}}{{else}}{{end}}", "expected end; found {{else}}"),
        err("{{$x, $y := 1}}", "too many declarations in command"),
        err("{{range $a, $b, $c := .}}{{end}}", "too many declarations in range"),
        err("{{block \"x\"}}{{end}}", "missing value for block clause"),
        err("{{nil}}", "template: t:1:2: executing \"t\" at <nil>: nil is not a command"),
        err("{{1 2}}", "can't give argument to non-function 1"),
        err("{{.Values.name 1}}", "name is not a method but has arguments"),
        err(
            "{{ .Values.a.b }}",
            "template: t:1:10: executing \"t\" at <.Values.a.b>: nil pointer evaluating"
                + " interface {}.b"),
        err("{{.Values.nil.x}}", "nil pointer evaluating interface {}.x"),
        err(
            "a\nb\n{{.Values.name.x}}",
            "template: t:3:9: executing \"t\" at <.Values.name.x>: can't evaluate field x in"
                + " type interface {}"),
        err("{{.Rec.Nope}}", "can't evaluate field Nope in type interface {}"),
        err("{{.Values.items.x}}", "can't evaluate field x in type interface {}"),
        err("{{range .Values.items}}{{.x}}{{end}}", "can't evaluate field x in type interface {}"),
        err("{{with .Values.name}}{{.x}}{{end}}", "can't evaluate field x in type string"),
        err("{{$v := .Values.n}}{{$v.x}}", "can't evaluate field x in type int"),
        err(
            "{{template \"nope\"}}",
            "template: t:1:11: executing \"t\" at <{{template \"nope\"}}>: template \"nope\" not"
                + " defined"),
        err(
            "{{define \"x\"}}{{.a.b}}{{end}}{{template \"x\" .Values}}",
            "template: t:1:18: executing \"x\" at <.a.b>: nil pointer evaluating interface {}.b"),
        err(
            "{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}",
            "exceeded maximum template depth"),
        err(
            "{{fail \"boom\"}}",
            "template: t:1:2: executing \"t\" at <fail \"boom\">: error calling fail: boom"),
        err("{{upper}}", "wrong number of args for upper: want 1 got 0"),
        err("{{and}}", "wrong number of args for and: want at least 1 got 0"),
        err("{{eq}}", "wrong number of args for eq: want at least 1 got 0"),
        err("{{not 1 2}}", "wrong number of args for not: want 1 got 2"),
        err("{{eq 1}}", "error calling eq: missing argument for comparison"),
        err("{{eq 1 1.0}}", "error calling eq: incompatible types for comparison"),
        err(
            "{{eq .Values.items .Values.items}}",
            "error calling eq: uncomparable type []interface {}: [a b c]"),
        err("{{eq 1 .Values.m}}", "error calling eq: incompatible types for comparison"),
        err("{{eq .Rec .Values.m}}", "error calling eq: uncomparable type map[string]interface {}"),
        err("{{lt true false}}", "error calling lt: invalid type for comparison"),
        err("{{lt 1 \"a\"}}", "error calling lt: incompatible types for comparison"),
        err("{{printf nil}}", "at <nil>: cannot assign nil to string"),
        err("{{printf 1}}", "template: t:1:9: executing \"t\" at <1>: expected string; found 1"),
        err(
            "{{printf .Values.n}}",
            "at <.Values.n>: wrong type for value; expected string; got int"),
        err("{{len 3}}", "error calling len: len of type int"),
        err("{{len .Values.missing}}", "error calling len: len of nil pointer"),
        err("{{index .Values.items 5}}", "error calling index: index out of range: 5"),
        err("{{index .Values.items 3}}", "error calling index: reflect: slice index out of range"),
        err("{{index .Values.items \"x\"}}", "cannot index slice/array with type string"),
        err("{{index .Values.n 0}}", "can't index item of type int"),
        err("{{index .Values.m 1}}", "value has type int; should be string"),
        err("{{slice .Values.items 2 1}}", "error calling slice: invalid slice index: 2 > 1"),
        err("{{call .Values.name}}", "error calling call: non-function of type string"),
        err("{{range .Values.n}}x{{end}}", "range can't iterate over 3"),
        err("{{18446744073709551615}}", "18446744073709551615 overflows int"),
        err("{{.Fn}}", "can't print {{.Fn}} of type"));
  }

  @Test
  void execute_missingKeyDefault_fieldThroughMissingIsEmpty() throws TemplateException {
    Template t = Template.parse("t", "{{ .Values.a.b }}", Map.of());
    assertThat(t.execute(data(), MissingKey.DEFAULT)).isEqualTo("<no value>");
  }

  @Test
  void execute_missingKeyError_failsWithGoMessage() throws TemplateException {
    Template t = Template.parse("t", "{{.Values.a}}", Map.of());
    assertThatThrownBy(() -> t.execute(data(), MissingKey.ERROR))
        .hasMessage(
            "template: t:1:9: executing \"t\" at <.Values.a>: map has no entry for key \"a\"");
  }

  @Test
  void execute_nilDataWithMissingKeyError_reportsNilData() throws TemplateException {
    Template t = Template.parse("t", "{{.X}}", Map.of());
    assertThat(t.execute(null)).isEqualTo("<no value>");
    assertThatThrownBy(() -> t.execute(null, MissingKey.ERROR))
        .hasMessageContaining("nil data; no entry for key \"X\"");
  }

  @Test
  void execute_recordRoot_namesStructTypeInError() throws TemplateException {
    Template t = Template.parse("t", "{{.Nope}}", Map.of());
    assertThatThrownBy(() -> t.execute(new Person("Bob", 5)))
        .hasMessageContaining("can't evaluate field Nope in type main.Person");
  }

  @Test
  void parse_error_carriesLineAndName() {
    assertThatThrownBy(() -> Template.parse("acb.yaml", "a\nb\n{{end}}", Map.of()))
        .isInstanceOfSatisfying(
            TemplateException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo("template: acb.yaml:3: unexpected {{end}}");
              assertThat(e.getLine()).isEqualTo(3);
              assertThat(e.getColumn()).isEqualTo(-1);
              assertThat(e.getTemplateName()).isEqualTo("acb.yaml");
            });
  }

  @Test
  void execute_error_carriesLineAndColumn() throws TemplateException {
    Template t = Template.parse("acb.yaml", "x\n  {{ .Values.a.b }}", Map.of());
    assertThatThrownBy(() -> t.execute(data()))
        .isInstanceOfSatisfying(
            TemplateException.class,
            e -> {
              assertThat(e.getLine()).isEqualTo(2);
              assertThat(e.getColumn()).isEqualTo(12);
            });
  }

  @Test
  void parse_userFunction_overridesBuiltin() throws TemplateException {
    Map<String, TemplateFunction> funcs = Map.of("len", TemplateFunction.of(1, a -> "mine"));
    assertThat(Template.parse("t", "{{len \"abc\"}}", funcs).execute(null)).isEqualTo("mine");
  }

  @Test
  void execute_typedParameters_checkedLikeGo() throws TemplateException {
    Map<String, TemplateFunction> funcs =
        Map.of(
            "up",
            TemplateFunction.typed(
                List.of("string"), 1, 1, a -> ((String) a.get(0)).toUpperCase(Locale.ROOT)),
            "twice",
            TemplateFunction.typed(List.of("int"), 1, 1, a -> 2 * (Long) a.get(0)),
            "half",
            TemplateFunction.typed(List.of("float64"), 1, 1, a -> (Double) a.get(0) / 2));
    assertThat(Template.parse("t", "{{up \"a\"}} {{twice 1.0}} {{half 1}}", funcs).execute(data()))
        .isEqualTo("A 2 0.5");
    Map<String, String> failures =
        Map.of(
            "{{.Values.missing | up}}", "invalid value; expected string",
            "{{up .Values.missing}}", "wrong type for value; expected string; got interface {}",
            "{{up 5}}", "template: t:1:5: executing \"t\" at <5>: expected string; found 5",
            "{{twice \"x\"}}", "expected integer; found \"x\"",
            "{{up nil}}", "cannot assign nil to string",
            "{{twice .Values.f}}", "wrong type for value; expected int; got float64");
    for (Map.Entry<String, String> f : failures.entrySet()) {
      Template t = Template.parse("t", f.getKey(), funcs);
      assertThatThrownBy(() -> t.execute(data())).as(f.getKey()).hasMessageContaining(f.getValue());
    }
  }

  @Test
  void execute_setsAndArrays_actAsSlices() throws TemplateException {
    Map<String, Object> d =
        Map.of("set", new java.util.TreeSet<>(List.of("b", "a")), "arr", new long[] {4, 5});
    Template t =
        Template.parse(
            "t", "{{range .set}}{{.}}{{end}} {{len .arr}} {{index .arr 1}} {{.set}}", null);
    assertThat(t.execute(d)).isEqualTo("ab 2 5 [a b]");
  }

  @Test
  void execute_integerSubtypes_acceptedAsInts() throws TemplateException {
    Map<String, Object> d = Map.of("i", 7, "s", (short) 2, "l", List.of("a", "b", "c"));
    Template t = Template.parse("t", "{{index .l .s}} {{printf \"%03d\" .i}} {{eq .i 7}}", null);
    assertThat(t.execute(d)).isEqualTo("c 007 true");
  }

  @Test
  void execute_outputOverTheLimit_failsInsteadOfGrowing() throws TemplateException {
    String chunk = "x".repeat(1024 * 1024);
    Template t = Template.parse("t", "{{range .}}{{.}}{{end}}", Map.of());

    assertThatThrownBy(() -> t.execute(List.of(chunk, chunk, chunk, chunk, chunk)))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("the limit of a rendered template");
  }

  @Test
  void execute_functionResultOverTheLimit_fails() throws TemplateException {
    Template t =
        Template.parse(
            "t",
            "{{$x := .}}{{range $i := .}}{{$x = twice $x}}{{end}}",
            Map.of("twice", TemplateFunction.of(1, a -> a.get(0).toString().repeat(2))));

    assertThatThrownBy(() -> t.execute(List.of("a".repeat(1024 * 1024), "b", "c")))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("error calling twice: the result is longer than");
  }

  @Test
  void execute_threadInterrupted_stopsRendering() throws TemplateException {
    Template t = Template.parse("t", "{{range .}}x{{end}}", Map.of());
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> t.execute(List.of(1, 2, 3)))
          .isInstanceOf(TemplateException.class)
          .hasMessageContaining("rendering was stopped");
    } finally {
      Thread.interrupted();
    }
  }
}
