package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfileWordsTest {
  @Test
  void split_whitespace_separatesWords() {
    assertThat(DockerfileWords.split("  a=1\tb  c=3 ", '\\')).containsExactly("a=1", "b", "c=3");
  }

  @Test
  void split_quotes_keepSpacesAndStayInTheWord() {
    assertThat(DockerfileWords.split("a=\"x y\" b='p q' c", '\\'))
        .containsExactly("a=\"x y\"", "b='p q'", "c");
  }

  @Test
  void split_escapedSpace_staysInTheWord() {
    assertThat(DockerfileWords.split("a=x\\ y b", '\\')).containsExactly("a=x\\ y", "b");
    assertThat(DockerfileWords.split("a=x` y b", '`')).containsExactly("a=x` y", "b");
  }

  @Test
  void split_empty_givesNoWords() {
    assertThat(DockerfileWords.split("", '\\')).isEmpty();
  }
}
