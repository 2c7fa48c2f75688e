package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.SprigCalls.call;
import static dev.wharf.template.sprig.SprigCalls.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegexFunctionsTest {

  @Test
  void regexMatch_findsAnywhere_andBadPatternIsFalse() {
    assertThat(call("regexMatch", "^v[0-9]+$", "v12")).isEqualTo(true);
    assertThat(call("regexMatch", "[0-9]", "ab1")).isEqualTo(true);
    assertThat(call("regexMatch", "(", "x")).isEqualTo(false);
  }

  @Test
  void regexReplaceAll_expandsGoTemplates() {
    assertThat(call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "${1}W")).isEqualTo("-W-xxW-");
    // Go reads "$1W" as the group named "1W", which does not exist.
    assertThat(call("regexReplaceAll", "a(x*)b", "-ab-axxb-", "$1W")).isEqualTo("---");
    assertThat(call("regexReplaceAll", "(?P<n>x+)", "axxb", "<$n>")).isEqualTo("a<xx>b");
    assertThat(call("regexReplaceAllLiteral", "a(x*)b", "-ab-", "${1}")).isEqualTo("-${1}-");
  }

  @Test
  void regexFindAndSplit_limitByCount() {
    assertThat(call("regexFind", "[0-9]+", "abc123def456")).isEqualTo("123");
    assertThat(call("regexFindAll", "[0-9]+", "a1b22c333", -1L)).isEqualTo(list("1", "22", "333"));
    assertThat(call("regexFindAll", "[0-9]+", "a1b22c333", 2L)).isEqualTo(list("1", "22"));
    assertThat(call("regexSplit", "[,;]", "a,b;c", -1L)).isEqualTo(list("a", "b", "c"));
    assertThat(call("regexSplit", "[,;]", "a,b;c", 2L)).isEqualTo(list("a", "b;c"));
  }

  @Test
  void regexFind_badPattern_isAnError() {
    assertThatThrownBy(() -> call("regexFind", "(", "x")).hasMessageContaining("regexp: Compile");
  }
}
