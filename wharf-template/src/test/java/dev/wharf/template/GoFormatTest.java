package dev.wharf.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFormatTest {

  @Test
  void sprint_spacesOnlyBetweenNonStrings() {
    assertThat(GoFormat.sprint(List.of("a", 1L, 2L, "b", "c", 3.5))).isEqualTo("a1 2bc3.5");
    assertThat(GoFormat.sprint(Arrays.asList(null, null))).isEqualTo("<nil> <nil>");
  }

  @Test
  void sprintln_alwaysSpacesAndNewline() {
    assertThat(GoFormat.sprintln(List.of("a", "b", 1L))).isEqualTo("a b 1\n");
  }

  @Test
  void sprint_nestedValues_printLikeGo() {
    Object value = Map.of("k", Arrays.asList(1L, null, Map.of("x", true)), "a", 2.5);
    assertThat(GoFormat.sprint(List.of(value))).isEqualTo("map[a:2.5 k:[1 <nil> map[x:true]]]");
  }

  @Test
  void quote_escapesLikeStrconv() {
    assertThat(GoFormat.quote("a\"b\\c\n\t\u0001é\u200b"))
        .isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01é\\u200b\"");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "%d|7|7",
        "%+.3e|1234.5678|+1.235e+03",
        "%08.3f|-3.14159|-003.142",
        "%-8d|42|\"42      \"",
        "%x|255|ff",
        "%#b|5|0b101",
        "%O|8|0o10",
        "%c|9731|☃",
        "%+q|9731|'\\u2603'",
        "%#U|9731|U+2603 '☃'",
        "%.0d|0|\"\"",
        "%5.0d|0|\"     \"",
        "%G|1e-7|1E-07",
        "%.3g|0.0001234|0.000123",
        "%v|123456789.0|1.23456789e+08",
        "%v|-0.5|-0.5",
        "% .2f|2.0|\" 2.00\"",
      })
  void sprintf_numbers_formatLikeGo(String format, String arg, String expected) {
    Object value =
        arg.contains(".") || arg.contains("e")
            ? (Object) Double.parseDouble(arg)
            : (Object) Long.parseLong(arg);
    assertThat(GoFormat.sprintf(format, List.of(value))).isEqualTo(expected);
  }

  @Test
  void sprintf_stringVerbs_formatLikeGo() {
    assertThat(GoFormat.sprintf("%q|%#q|%+q", List.of("é\"", "raw", "é")))
        .isEqualTo("\"é\\\"\"|`raw`|\"\\u00e9\"");
    assertThat(GoFormat.sprintf("%X|% X|%#x", List.of("hi", "hi", "hi")))
        .isEqualTo("6869|68 69|0x6869");
    assertThat(GoFormat.sprintf("%05s|%-5s|%.1s", List.of("ab", "ab", "é!")))
        .isEqualTo("000ab|ab   |é");
  }

  @Test
  void sprintf_mistakes_reportedInline() {
    assertThat(GoFormat.sprintf("%[3]d %d", List.of(1L))).isEqualTo("%!d(BADINDEX) 1");
    assertThat(GoFormat.sprintf("%*d", List.of("x", 1L))).isEqualTo("%!(BADWIDTH)1");
    assertThat(GoFormat.sprintf("%.*d", List.of("x", 1L))).isEqualTo("%!(BADPREC)1");
    assertThat(GoFormat.sprintf("%t", List.of(1L))).isEqualTo("%!t(int=1)");
    assertThat(GoFormat.sprintf("%d", List.of(true))).isEqualTo("%!d(bool=true)");
    assertThat(GoFormat.sprintf("%s", List.of(List.of(1L, "a")))).isEqualTo("[%!s(int=1) a]");
  }

  @Test
  void sprintf_sharpV_showsGoSyntax() {
    assertThat(GoFormat.sprintf("%#v", List.of(Map.of("a", 1L))))
        .isEqualTo("map[string]interface {}{\"a\":1}");
    assertThat(GoFormat.sprintf("%#v", List.of(Arrays.asList("x", null))))
        .isEqualTo("[]interface {}{\"x\", interface {}(nil)}");
  }
}
