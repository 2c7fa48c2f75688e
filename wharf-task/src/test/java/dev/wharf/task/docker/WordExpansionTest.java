package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordExpansionTest {
  private static final Map<String, String> VARS = Map.of("SET", "v", "EMPTY", "", "A_1", "x");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain          | plain",
        "$SET           | v",
        "${SET}         | v",
        "a$SET.b        | av.b",
        "$UNSET         | ''",
        "${A_1}y        | xy",
        "$A_1y          | ''",
        "${UNSET:-d}    | d",
        "${EMPTY:-d}    | d",
        "${EMPTY-d}     | ''",
        "${UNSET-d}     | d",
        "${SET:-d}      | v",
        "${SET:+a}      | a",
        "${EMPTY:+a}    | ''",
        "${EMPTY+a}     | a",
        "${UNSET+a}     | ''",
        "${UNSET:-${SET}x} | vx",
        "${SET:?m}      | v",
        "\"$SET x\"     | v x",
        "\\$SET         | $SET",
        "\"\\$SET\\\"\" | $SET\"",
        "\"a\\b\"       | a\\b",
        "$              | $",
        "a$-b           | a$-b",
        "$1x            | x",
        "end\\          | end\\",
      })
  void expand_word_matchesBuildKit(String word, String expected) throws Exception {
    assertThat(WordExpansion.expand(word, VARS, '\\')).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "`$SET    | $SET",
        "c:\\x    | c:\\x",
        "\"`\"\"  | \"",
      })
  void expand_backtickEscape_leavesBackslashLiteral(String word, String expected) throws Exception {
    assertThat(WordExpansion.expand(word, VARS, '`')).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "${}             | bad substitution",
        "${SET:}         | unsupported modifier",
        "${SET#x}        | unsupported modifier (#)",
        "${UNSET:?boom}  | UNSET: boom",
        "\"open          | matching double-quote",
      })
  void expand_badWord_fails(String word, String message) {
    assertThatThrownBy(() -> WordExpansion.expand(word, VARS, '\\'))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"${UNSET?} | is not allowed to be empty"})
  void expand_requiredUnset_failsWithDefaultMessage(String word, String message) {
    assertThatThrownBy(() -> WordExpansion.expand(word, VARS, '\\'))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining(message);
  }

  @Test
  void expand_singleQuotes_keepTextLiteral() throws Exception {
    assertThat(WordExpansion.expand("'$SET'", VARS, '\\')).isEqualTo("$SET");
    assertThat(WordExpansion.expand("${UNSET:-'}'}", VARS, '\\')).isEqualTo("}");
  }

  @Test
  void expand_unterminated_fails() {
    assertThatThrownBy(() -> WordExpansion.expand("${SET", VARS, '\\'))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("missing '}'");
    assertThatThrownBy(() -> WordExpansion.expand("'open", VARS, '\\'))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("matching single-quote");
  }

  @Test
  void expand_deepNesting_failsInsteadOfOverflowing() {
    String deep = "${A:-".repeat(10_000) + "}".repeat(10_000);
    assertThatThrownBy(() -> WordExpansion.expand(deep, VARS, '\\'))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("nested too deeply");
  }
}
