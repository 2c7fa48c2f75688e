package dev.wharf.template.alias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AliasSubstitutionTest {

  private static final Map<String, String> PREDEFINED = Aliases.predefined(null);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$ID|{{.Run.ID}}",
        "$$ID|$ID",
        "$$$ID|${{.Run.ID}}",
        "${ID}|${ID}",
        "$ID_x|{{.Run.ID}}_x",
        "$IDx|$IDx",
        "$HOME|$HOME",
        "$(date)|$(date)",
        "$|$",
        "a$$|a$",
        "$1abc|$1abc",
        "$ID$ID|{{.Run.ID}}{{.Run.ID}}",
        "x $unknown$ID y|x $unknown$ID y",
        "$OS-$Architecture|{{.Run.OS}}-{{.Run.Architecture}}",
        "'$bash echo'|'mcr.microsoft.com/acr/bash:2ff604c echo'"
      })
  void apply_followsAcbStateMachine(String text, String expected) {
    assertThat(AliasSubstitution.apply(text, PREDEFINED, '$')).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"&a&b $ID &&a &c|AB $ID &a &c", "x🙂a y|xA y"})
  void apply_customDirective(String text, String expected) {
    Map<String, String> aliases = Map.of("a", "A", "b", "B");
    int directive = text.contains("🙂") ? "🙂".codePointAt(0) : '&';
    assertThat(AliasSubstitution.apply(text, aliases, directive)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bash echo hello|mcr.microsoft.com/acr/bash:2ff604c echo hello",
        "'   curl -s http://x   '|mcr.microsoft.com/acr/curl:2ff604c -s http://x",
        "'  bashx echo  '|'  bashx echo  '",
        "bash  echo  two|mcr.microsoft.com/acr/bash:2ff604c  echo  two",
        "ID foo|{{.Run.ID}} foo",
        "bash|mcr.microsoft.com/acr/bash:2ff604c"
      })
  void expandCommand_replacesFirstWordOnly(String cmd, String expected) {
    assertThat(AliasSubstitution.expandCommand(cmd, PREDEFINED)).isEqualTo(expected);
  }
}
