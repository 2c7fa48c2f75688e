package dev.wharf.template;

import dev.wharf.template.Parser.ParseError;
import dev.wharf.template.Token.Type;
import java.util.List;

/** The parser's view of the token list: Go's look-ahead, backup and error positions. */
final class Tokens {

  private final String parseName;
  private final List<Token> tokens;
  private int index;
  private int furthest;

  /** Line of the action being parsed, for "unclosed action started at" (0: none). */
  int actionLine;

  Tokens(String parseName, List<Token> tokens) {
    this.parseName = parseName;
    this.tokens = tokens;
  }

  int mark() {
    return index;
  }

  void reset(int mark) {
    index = mark;
  }

  Token next() {
    int i = Math.min(index, tokens.size() - 1);
    index = i + 1;
    furthest = Math.max(furthest, i);
    return tokens.get(i);
  }

  void backup() {
    index--;
  }

  Token peek() {
    Token t = next();
    backup();
    return t;
  }

  Token nextNonSpace() {
    Token t = next();
    while (t.type() == Type.SPACE) {
      t = next();
    }
    return t;
  }

  Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  Token expect(Type expected, String context) {
    Token t = nextNonSpace();
    if (t.type() != expected) {
      unexpected(t, context);
    }
    return t;
  }

  ParseError errorf(String message) {
    int line = tokens.get(furthest).line();
    throw new ParseError("template: " + parseName + ":" + line + ": " + message, line);
  }

  void unexpected(Token token, String context) {
    if (token.type() == Type.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != token.line()) {
        extra = " in action started at " + parseName + ":" + actionLine;
        if (token.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      errorf(token + extra);
    }
    errorf("unexpected " + token + " in " + context);
  }
}
