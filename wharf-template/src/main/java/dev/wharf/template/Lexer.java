package dev.wharf.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits template text into tokens the way Go's {@code text/template/parse/lex.go} does, stopping
 * at the first lexical error (which becomes an {@link Token.Type#ERROR} token).
 */
final class Lexer {

  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";
  private static final Map<String, Token.Type> KEYWORDS =
      Map.ofEntries(
          Map.entry("block", Token.Type.BLOCK),
          Map.entry("break", Token.Type.BREAK),
          Map.entry("continue", Token.Type.CONTINUE),
          Map.entry("define", Token.Type.DEFINE),
          Map.entry("else", Token.Type.ELSE),
          Map.entry("end", Token.Type.END),
          Map.entry("if", Token.Type.IF),
          Map.entry("range", Token.Type.RANGE),
          Map.entry("nil", Token.Type.NIL),
          Map.entry("template", Token.Type.TEMPLATE),
          Map.entry("with", Token.Type.WITH));

  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int start;
  private int pos;
  private int parenDepth;
  private int lineAt;
  private int lineAtPos;

  private Lexer(String input) {
    this.input = input;
  }

  static List<Token> lex(String input) {
    Lexer lexer = new Lexer(input);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    boolean ok = lexText();
    while (ok) {
      ok = lexInsideAction() && lexText();
    }
  }

  // ---- text and delimiters ----

  /** Lexes text up to the next action; false when input ended or an error was emitted. */
  private boolean lexText() {
    int x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length();
      if (pos > start) {
        emit(Token.Type.TEXT);
      }
      emit(Token.Type.EOF);
      return false;
    }
    int textEnd = x;
    boolean trim = hasLeftTrimMarker(x + LEFT.length());
    if (trim) {
      textEnd = x - trailingSpace(x);
    }
    pos = textEnd;
    if (pos > start) {
      emit(Token.Type.TEXT);
    }
    pos = x;
    start = x;
    return lexLeftDelim(trim);
  }

  private boolean lexLeftDelim(boolean trim) {
    pos += LEFT.length();
    int afterMarker = trim ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      return lexComment();
    }
    emit(Token.Type.LEFT_DELIM);
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    return true;
  }

  private boolean lexComment() {
    pos += 2;
    int x = input.indexOf("*/", pos);
    if (x < 0) {
      return error("unclosed comment");
    }
    pos = x + 2;
    int delim = atRightDelim();
    if (delim == 0) {
      return error("comment ends before closing delimiter");
    }
    pos += (delim == 2 ? 2 : 0) + RIGHT.length();
    if (delim == 2) {
      pos += leadingSpace(pos);
    }
    start = pos;
    return lexText();
  }

  /** 0: not at a right delimiter; 1: at "}}"; 2: at " -}}". */
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return input.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private void lexRightDelim(boolean trim) {
    if (trim) {
      pos += 2;
      start = pos;
    }
    pos += RIGHT.length();
    emit(Token.Type.RIGHT_DELIM);
    if (trim) {
      pos += leadingSpace(pos);
      start = pos;
    }
  }

  // ---- inside an action ----

  /** Lexes one action; true when it ended with a right delimiter. */
  private boolean lexInsideAction() {
    while (true) {
      int delim = atRightDelim();
      if (delim != 0) {
        if (parenDepth != 0) {
          return error("unclosed left paren");
        }
        lexRightDelim(delim == 2);
        return true;
      }
      if (pos >= input.length()) {
        return error("unclosed action");
      }
      char r = input.charAt(pos++);
      if (isSpace(r)) {
        pos--;
        if (lexSpace()) {
          continue;
        }
        lexRightDelim(true);
        return true;
      }
      boolean ok =
          switch (r) {
            case '=' -> emit(Token.Type.ASSIGN);
            case ':' -> {
              if (pos >= input.length() || input.charAt(pos) != '=') {
                if (pos < input.length()) {
                  pos++;
                }
                yield error("expected :=");
              }
              pos++;
              yield emit(Token.Type.DECLARE);
            }
            case '|' -> emit(Token.Type.PIPE);
            case '"' -> lexQuote();
            case '`' -> lexRawQuote();
            case '$' -> lexFieldOrVariable(Token.Type.VARIABLE);
            case '\'' -> lexChar();
            case '(' -> {
              parenDepth++;
              yield emit(Token.Type.LEFT_PAREN);
            }
            case ')' -> {
              parenDepth--;
              if (parenDepth < 0) {
                yield error("unexpected right paren U+0029 ')'");
              }
              yield emit(Token.Type.RIGHT_PAREN);
            }
            default -> lexOther(r);
          };
      if (!ok) {
        return false;
      }
    }
  }

  private boolean lexOther(char r) {
    if (r == '.') {
      if (pos < input.length()) {
        char c = input.charAt(pos);
        if (c < '0' || c > '9') {
          return lexFieldOrVariable(Token.Type.FIELD);
        }
      }
      pos--;
      return lexNumber();
    }
    if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
      pos--;
      return lexNumber();
    }
    if (isAlphaNumeric(r)) {
      pos--;
      return lexIdentifier();
    }
    if (r < 0x80 && r >= 0x20 && r != 0x7f) {
      return emit(Token.Type.CHAR);
    }
    int cp = Character.codePointAt(input, pos - 1);
    return error("unrecognized character in action: " + GoFormat.unicodeName(cp));
  }

  /** Lexes spaces; false when the spaces belong to a trimming right delimiter " -}}". */
  private boolean lexSpace() {
    int n = 0;
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
      n++;
    }
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
      pos--;
      if (n == 1) {
        return false;
      }
    }
    emit(Token.Type.SPACE);
    return true;
  }

  private boolean lexIdentifier() {
    while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      return badCharacter();
    }
    String word = input.substring(start, pos);
    Token.Type keyword = KEYWORDS.get(word);
    if (keyword != null) {
      return emit(keyword);
    }
    if (word.equals("true") || word.equals("false")) {
      return emit(Token.Type.BOOL);
    }
    return emit(Token.Type.IDENTIFIER);
  }

  private boolean lexFieldOrVariable(Token.Type type) {
    if (atTerminator()) {
      return emit(type == Token.Type.VARIABLE ? Token.Type.VARIABLE : Token.Type.DOT);
    }
    while (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      return badCharacter();
    }
    return emit(type);
  }

  private boolean badCharacter() {
    int cp = Character.codePointAt(input, pos);
    pos += Character.charCount(cp);
    return error("bad character " + GoFormat.unicodeName(cp));
  }

  private boolean atTerminator() {
    if (pos >= input.length()) {
      return true;
    }
    char r = input.charAt(pos);
    if (isSpace(r)) {
      return true;
    }
    return switch (r) {
      case '.', ',', '|', ':', ')', '(' -> true;
      default -> input.startsWith(RIGHT, pos);
    };
  }

  private boolean lexChar() {
    while (true) {
      if (pos >= input.length()) {
        return error("unterminated character constant");
      }
      char r = input.charAt(pos++);
      if (r == '\\') {
        if (pos < input.length() && input.charAt(pos) != '\n') {
          pos++;
          continue;
        }
        return error("unterminated character constant");
      }
      if (r == '\n') {
        return error("unterminated character constant");
      }
      if (r == '\'') {
        return emit(Token.Type.CHAR_CONSTANT);
      }
    }
  }

  private boolean lexNumber() {
    if (!scanNumber()) {
      return error("bad number syntax: " + GoFormat.quote(input.substring(start, pos)));
    }
    return emit(Token.Type.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (pos < input.length() && isAlphaNumeric(input.charAt(pos))) {
      pos++;
      return false;
    }
    return true;
  }

  private boolean accept(String valid) {
    if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consume the run
    }
  }

  private boolean lexQuote() {
    while (true) {
      if (pos >= input.length()) {
        return error("unterminated quoted string");
      }
      char r = input.charAt(pos++);
      if (r == '\\') {
        if (pos < input.length() && input.charAt(pos) != '\n') {
          pos++;
          continue;
        }
        return error("unterminated quoted string");
      }
      if (r == '\n') {
        return error("unterminated quoted string");
      }
      if (r == '"') {
        return emit(Token.Type.STRING);
      }
    }
  }

  private boolean lexRawQuote() {
    int end = input.indexOf('`', pos);
    if (end < 0) {
      pos = input.length();
      return error("unterminated raw quoted string");
    }
    pos = end + 1;
    return emit(Token.Type.RAW_STRING);
  }

  // ---- helpers ----

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at >= 0
        && at + 1 < input.length()
        && isSpace(input.charAt(at))
        && input.charAt(at + 1) == '-';
  }

  private int trailingSpace(int end) {
    int i = end;
    while (i > start && isSpace(input.charAt(i - 1))) {
      i--;
    }
    return end - i;
  }

  private int leadingSpace(int from) {
    int i = from;
    while (i < input.length() && isSpace(input.charAt(i))) {
      i++;
    }
    return i - from;
  }

  static boolean isSpace(char r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(char r) {
    return r == '_' || Character.isLetterOrDigit(r);
  }

  private int lineOf(int offset) {
    if (offset < lineAtPos) {
      lineAt = 0;
      lineAtPos = 0;
    }
    for (int i = lineAtPos; i < offset; i++) {
      if (input.charAt(i) == '\n') {
        lineAt++;
      }
    }
    lineAtPos = offset;
    return lineAt + 1;
  }

  private boolean emit(Token.Type type) {
    tokens.add(new Token(type, input.substring(start, pos), start, lineOf(start)));
    start = pos;
    return true;
  }

  private boolean error(String message) {
    tokens.add(new Token(Token.Type.ERROR, message, start, lineOf(start)));
    return false;
  }
}
