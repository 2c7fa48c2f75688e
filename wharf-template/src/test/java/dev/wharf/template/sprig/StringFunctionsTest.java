package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static dev.wharf.template.sprig.SprigCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {

  @Test
  void trimFamily_cutsAsGoStrings() {
    assertThat(call("trim", "  pad \n")).isEqualTo("pad");
    assertThat(call("trimAll", "-", "--x--")).isEqualTo("x");
    assertThat(call("trimall", "$", "$5.00$")).isEqualTo("5.00");
    assertThat(call("trimPrefix", "v", "v1.2")).isEqualTo("1.2");
    assertThat(call("trimSuffix", ".git", "repo.git")).isEqualTo("repo");
  }

  @Test
  void caseFunctions_followGoAndGoutils() {
    assertThat(call("upper", "Hello")).isEqualTo("HELLO");
    assertThat(call("title", "hello wide-world")).isEqualTo("Hello Wide-World");
    assertThat(call("untitle", "Hello World")).isEqualTo("hello world");
    assertThat(call("swapcase", "AbC d")).isEqualTo("aBc D");
  }

  @Test
  void truncAndAbbrev_cutFromEitherEnd() {
    assertThat(call("trunc", 5L, "hello world")).isEqualTo("hello");
    assertThat(call("trunc", -5L, "hello world")).isEqualTo("world");
    assertThat(call("trunc", 50L, "short")).isEqualTo("short");
    assertThat(call("abbrev", 8L, "hello world")).isEqualTo("hello...");
    assertThat(call("abbrevboth", 5L, 10L, "1234 5678 9123")).isEqualTo("...5678...");
  }

  @Test
  void substr_handlesNegativeAndLongBounds() {
    assertThat(call("substr", 1L, 4L, "abcdef")).isEqualTo("bcd");
    assertThat(call("substr", -1L, 2L, "abcdef")).isEqualTo("ab");
    assertThat(call("substr", 2L, 99L, "abcdef")).isEqualTo("cdef");
  }

  @Test
  void quote_skipsNilAndPrintsOtherValues() {
    assertThat(call("quote", "a", null, 5L)).isEqualTo("\"a\" \"5\"");
    assertThat(call("quote", "say \"hi\"\n")).isEqualTo("\"say \\\"hi\\\"\\n\"");
    assertThat(call("squote", "y")).isEqualTo("'y'");
  }

  @Test
  void catIndentReplacePlural_workAsSprig() {
    assertThat(call("cat", "a", null, 3L)).isEqualTo("a 3");
    assertThat(call("indent", 2L, "a\nb")).isEqualTo("  a\n  b");
    assertThat(call("nindent", 2L, "a")).isEqualTo("\n  a");
    assertThat(call("replace", "-", "_", "a-b-c")).isEqualTo("a_b_c");
    assertThat(call("plural", "one", "many", 1L)).isEqualTo("one");
    assertThat(call("plural", "one", "many", 2L)).isEqualTo("many");
  }

  @Test
  void split_givesIndexedMapAndSplitListGivesList() {
    assertThat(call("split", "/", "org/team/app"))
        .isEqualTo(Map.of("_0", "org", "_1", "team", "_2", "app"));
    assertThat(call("splitList", ",", "x,y")).isEqualTo(list("x", "y"));
    assertThat(call("splitn", "$", 2L, "a$b$c")).isEqualTo(Map.of("_0", "a", "_1", "b$c"));
  }

  @Test
  void joinAndSortAlpha_printNonStrings() {
    assertThat(call("join", "|", list("a", 1L, null, true))).isEqualTo("a|1|true");
    assertThat(call("sortAlpha", list("pear", "apple", 10L)))
        .isEqualTo(list("10", "apple", "pear"));
    assertThat(call("toStrings", list(1L, 2L))).isEqualTo(list("1", "2"));
  }

  @Test
  void stringMisc_matchesSprigDocs() {
    assertThat(call("repeat", 3L, "ab")).isEqualTo("ababab");
    assertThat(call("nospace", "a b  c")).isEqualTo("abc");
    assertThat(call("initials", "John Ronald Tolkien")).isEqualTo("JRT");
    assertThat(call("contains", "cat", "concatenate")).isEqualTo(true);
    assertThat(call("hasPrefix", "x", "abc")).isEqualTo(false);
    assertThat(call("toString", 99L)).isEqualTo("99");
    assertThat(call("hello")).isEqualTo("Hello!");
  }

  @Test
  void repeat_twoHundredMegabytes_isRefusedBeforeAllocating() {
    assertThatThrownBy(() -> call("repeat", 200_000_000L, "x"))
        .hasMessageContaining("the limit of a template value");
  }

  @Test
  void repeat_negativeCount_isAnError() {
    assertThatThrownBy(() -> call("repeat", -1L, "x")).hasMessageContaining("negative Repeat");
  }

  @Test
  void stringParameter_refusesOtherTypes() {
    assertThatThrownBy(() -> call("upper", 5L))
        .hasMessage("wrong type for value; expected string; got int");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "HTTPServer, http_server",
    "_camelCase, _camel_case",
    "NoHTTPS, no_https",
    "Wi_thF, wi_th_f",
    "ALL, all",
    "HELLO_WORLD, hello_world",
    "TW, tw",
    "a, a",
    "GO-PATH, go_path"
  })
  void snakecase_followsXstrings(String in, String expected) {
    assertThat(call("snakecase", in)).isEqualTo(expected);
    assertThat(call("kebabcase", in)).isEqualTo(expected.replace('_', '-'));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "http_server, HttpServer",
    "_camel_case, _CamelCase",
    "no_https, NoHttps",
    "_complex__case_, _Complex_Case_",
    "all, All",
    "a, A"
  })
  void camelcase_followsXstrings(String in, String expected) {
    assertThat(call("camelcase", in)).isEqualTo(expected);
  }

  @Test
  void caseStyles_convertBetweenWordForms() {
    assertThat(call("snakecase", "MyTaskName")).isEqualTo("my_task_name");
    assertThat(call("snakecase", "HTTPServer")).isEqualTo("http_server");
    assertThat(call("kebabcase", "MyTaskName")).isEqualTo("my-task-name");
    assertThat(call("camelcase", "my_task_name")).isEqualTo("MyTaskName");
    assertThat(call("camelcase", "http_server")).isEqualTo("HttpServer");
  }

  @Test
  void wrap_breaksAtSpaces() {
    assertThat(call("wrap", 5L, "hello world again")).isEqualTo("hello\nworld\nagain");
    assertThat(call("wrapWith", 5L, "\t", "Hello World")).isEqualTo("Hello\tWorld");
  }

  @Test
  void random_givesRequestedLengthAndAlphabet() {
    assertThat((String) call("randAlphaNum", 12L)).hasSize(12).matches("[A-Za-z0-9]+");
    assertThat((String) call("randNumeric", 4L)).matches("[0-9]{4}");
    assertThat((String) call("randAlpha", 3L)).matches("[A-Za-z]{3}");
    assertThat((String) call("shuffle", "aab")).hasSize(3).contains("b");
  }
}
