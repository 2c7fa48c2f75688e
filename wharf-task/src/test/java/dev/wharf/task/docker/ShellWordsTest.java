package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {
  @Test
  void split_whitespace_separatesWords() throws Exception {
    assertThat(ShellWords.split("  a \tb\n c  ")).containsExactly("a", "b", "c");
  }

  @Test
  void split_empty_givesNoWords() throws Exception {
    assertThat(ShellWords.split("   ")).isEmpty();
  }

  @Test
  void split_singleQuotes_keepEverythingLiteral() throws Exception {
    assertThat(ShellWords.split("sh -c 'echo $HOME \\n \"x\"'"))
        .containsExactly("sh", "-c", "echo $HOME \\n \"x\"");
  }

  @Test
  void split_doubleQuotes_escapeOnlyShellSpecials() throws Exception {
    assertThat(ShellWords.split("\"a \\\"b\\\" \\$c \\\\ \\` \\n\""))
        .containsExactly("a \"b\" $c \\ ` \\n");
  }

  @Test
  void split_doubleQuotedBackslashNewline_isRemoved() throws Exception {
    assertThat(ShellWords.split("\"a\\\nb\"")).containsExactly("ab");
  }

  @Test
  void split_backslashOutsideQuotes_escapesNextCharacter() throws Exception {
    assertThat(ShellWords.split("a\\ b c\\'d")).containsExactly("a b", "c'd");
  }

  @Test
  void split_backslashNewline_continuesTheWord() throws Exception {
    assertThat(ShellWords.split("ab\\\ncd")).containsExactly("abcd");
  }

  @Test
  void split_trailingBackslash_isLiteral() throws Exception {
    assertThat(ShellWords.split("a\\")).containsExactly("a\\");
  }

  @Test
  void split_emptyQuotes_giveEmptyWord() throws Exception {
    assertThat(ShellWords.split("a '' \"\"")).containsExactly("a", "", "");
  }

  @Test
  void split_adjacentQuotedParts_joinIntoOneWord() throws Exception {
    assertThat(ShellWords.split("x'y z'\"w\"v")).containsExactly("xy zwv");
  }

  @Test
  void split_noExpansion_keepsDollarAndGlob() throws Exception {
    assertThat(ShellWords.split("echo $HOME *.txt $(id) `id` ~"))
        .containsExactly("echo", "$HOME", "*.txt", "$(id)", "`id`", "~");
  }

  @Test
  void split_unterminatedSingleQuote_fails() {
    assertThatThrownBy(() -> ShellWords.split("echo 'abc"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unterminated single-quoted string");
  }

  @Test
  void split_unterminatedDoubleQuote_fails() {
    assertThatThrownBy(() -> ShellWords.split("echo \"abc\\\""))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unterminated double-quoted string");
  }
}
