package dev.wharf.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.template.Token.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

  private static List<Type> types(String text) {
    return Lexer.lex(text).stream().map(Token::type).toList();
  }

  @Test
  void lex_action_splitsIntoGoItems() {
    assertThat(types("a{{$x := .F.G | f 1 \"s\" `r` 'c' (nil)}}b"))
        .containsExactly(
            Type.TEXT,
            Type.LEFT_DELIM,
            Type.VARIABLE,
            Type.SPACE,
            Type.DECLARE,
            Type.SPACE,
            Type.FIELD,
            Type.FIELD,
            Type.SPACE,
            Type.PIPE,
            Type.SPACE,
            Type.IDENTIFIER,
            Type.SPACE,
            Type.NUMBER,
            Type.SPACE,
            Type.STRING,
            Type.SPACE,
            Type.RAW_STRING,
            Type.SPACE,
            Type.CHAR_CONSTANT,
            Type.SPACE,
            Type.LEFT_PAREN,
            Type.NIL,
            Type.RIGHT_PAREN,
            Type.RIGHT_DELIM,
            Type.TEXT,
            Type.EOF);
  }

  @Test
  void lex_trimMarkers_dropSurroundingSpace() {
    List<Token> tokens = Lexer.lex("a \n {{- 1 -}} \n b");
    assertThat(tokens.get(0).val()).isEqualTo("a");
    assertThat(tokens.get(tokens.size() - 2).val()).isEqualTo("b");
    assertThat(tokens.get(tokens.size() - 2).line()).isEqualTo(3);
  }

  @Test
  void lex_keywordsAndDot_areKeywordItems() {
    assertThat(types("{{if .}}{{else}}{{end}}"))
        .containsExactly(
            Type.LEFT_DELIM,
            Type.IF,
            Type.SPACE,
            Type.DOT,
            Type.RIGHT_DELIM,
            Type.LEFT_DELIM,
            Type.ELSE,
            Type.RIGHT_DELIM,
            Type.LEFT_DELIM,
            Type.END,
            Type.RIGHT_DELIM,
            Type.EOF);
    assertThat(new Token(Type.DOT, ".", 0, 1).toString()).isEqualTo("<.>");
    assertThat(new Token(Type.STRING, "\"abcdefghijkl\"", 0, 1).toString())
        .isEqualTo("\"\\\"abcdefghi\"...");
  }

  @Test
  void lex_error_stopsWithErrorItem() {
    List<Token> tokens = Lexer.lex("{{ 3k }}");
    Token last = tokens.get(tokens.size() - 1);
    assertThat(last.type()).isEqualTo(Type.ERROR);
    assertThat(last.val()).isEqualTo("bad number syntax: \"3k\"");
  }
}
