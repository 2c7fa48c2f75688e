package dev.wharf.task.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileTest {
  private static List<String> texts(String dockerfile) throws DockerParseException {
    return Dockerfile.parse(dockerfile).instructions().stream()
        .map(Dockerfile.Instruction::text)
        .toList();
  }

  @Test
  void parse_instructions_haveUpperCaseKeywordArgsAndLine() throws Exception {
    List<Dockerfile.Instruction> instructions =
        Dockerfile.parse("\n# c\nfrom  alpine  AS x\n  run echo hi\n").instructions();
    assertThat(instructions)
        .containsExactly(
            new Dockerfile.Instruction("FROM", "from  alpine  AS x", "alpine  AS x", 3),
            new Dockerfile.Instruction("RUN", "run echo hi", "echo hi", 4));
  }

  @Test
  void parse_byteOrderMark_isIgnored() throws Exception {
    assertThat(texts("\ufeffFROM a")).containsExactly("FROM a");
  }

  @Test
  void parse_crlf_isOneLineBreak() throws Exception {
    assertThat(texts("FROM a\r\nRUN b \\\r\n c\r\n")).containsExactly("FROM a", "RUN b  c");
  }

  @Test
  void parse_continuation_joinsLinesWithoutTheEscape() throws Exception {
    assertThat(texts("FROM a \\\n    AS b\nRUN x")).containsExactly("FROM a     AS b", "RUN x");
  }

  @Test
  void parse_continuationWithTrailingSpaces_stillContinues() throws Exception {
    assertThat(texts("RUN a \\  \t\nb")).containsExactly("RUN a b");
  }

  @Test
  void parse_commentsAndBlankLinesInsideContinuation_areSkipped() throws Exception {
    assertThat(texts("RUN a \\\n# note\n\n  b\nFROM c")).containsExactly("RUN a   b", "FROM c");
  }

  @Test
  void parse_continuationAtEndOfFile_endsTheInstruction() throws Exception {
    assertThat(texts("FROM a \\")).containsExactly("FROM a");
  }

  @Test
  void parse_escapeDirective_changesContinuationCharacter() throws Exception {
    Dockerfile dockerfile = Dockerfile.parse("# escape=`\nFROM a `\n  AS b\nRUN c:\\\\x\\\nFROM d");
    assertThat(dockerfile.escape()).isEqualTo('`');
    assertThat(dockerfile.instructions().stream().map(Dockerfile.Instruction::text))
        .containsExactly("FROM a   AS b", "RUN c:\\\\x\\", "FROM d");
  }

  @Test
  void parse_escapeDirectiveAfterSyntax_isHonoured() throws Exception {
    assertThat(Dockerfile.parse("# syntax=docker/dockerfile:1\n#ESCAPE = `\nFROM a").escape())
        .isEqualTo('`');
  }

  @Test
  void parse_escapeAfterComment_isJustAComment() throws Exception {
    assertThat(Dockerfile.parse("# hello\n# escape=`\nFROM a").escape()).isEqualTo('\\');
  }

  @Test
  void parse_escapeAfterBlankLine_isJustAComment() throws Exception {
    assertThat(Dockerfile.parse("\n# escape=`\nFROM a").escape()).isEqualTo('\\');
  }

  @Test
  void parse_badEscapeToken_fails() {
    assertThatThrownBy(() -> Dockerfile.parse("# escape=x\nFROM a"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("invalid escape token");
  }

  @Test
  void parse_twoEscapeDirectives_fail() {
    assertThatThrownBy(() -> Dockerfile.parse("# escape=`\n# escape=\\\nFROM a"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("only one escape parser directive");
  }

  @Test
  void parse_heredocBody_isSkipped() throws Exception {
    assertThat(texts("FROM a\nRUN <<EOF\nFROM evil\nEOF\nFROM b"))
        .containsExactly("FROM a", "RUN <<EOF", "FROM b");
  }

  @Test
  void parse_severalHeredocs_areSkippedInOrder() throws Exception {
    assertThat(texts("COPY <<A <<\"B\" /x/\nFROM e1\nA\nFROM e2\nB\nFROM ok"))
        .containsExactly("COPY <<A <<\"B\" /x/", "FROM ok");
  }

  @Test
  void parse_dashHeredoc_stripsLeadingTabsFromTerminator() throws Exception {
    assertThat(texts("RUN cat <<-'END' > f\n\tFROM evil\n\tEND\nFROM ok"))
        .containsExactly("RUN cat <<-'END' > f", "FROM ok");
  }

  @Test
  void parse_heredocMarkerInOtherInstruction_isNotAHeredoc() throws Exception {
    assertThat(texts("LABEL x=<<EOF\nFROM a")).containsExactly("LABEL x=<<EOF", "FROM a");
  }

  @Test
  void parse_unterminatedHeredoc_fails() {
    assertThatThrownBy(() -> Dockerfile.parse("FROM a\nRUN <<EOF\necho"))
        .isInstanceOf(DockerParseException.class)
        .hasMessageContaining("unterminated heredoc EOF started on line 2");
  }
}
