package dev.wharf.template;

/** One lexical item of a template: its type, text, byte offset and line. */
record Token(Type type, String val, int pos, int line) {

  enum Type {
    ERROR,
    EOF,
    TEXT,
    LEFT_DELIM,
    RIGHT_DELIM,
    SPACE,
    BOOL,
    CHAR,
    CHAR_CONSTANT,
    NUMBER,
    DOT,
    FIELD,
    IDENTIFIER,
    VARIABLE,
    STRING,
    RAW_STRING,
    PIPE,
    ASSIGN,
    DECLARE,
    LEFT_PAREN,
    RIGHT_PAREN,
    NIL,
    BLOCK,
    BREAK,
    CONTINUE,
    DEFINE,
    ELSE,
    END,
    IF,
    RANGE,
    TEMPLATE,
    WITH;

    boolean isKeyword() {
      return ordinal() >= NIL.ordinal() || this == DOT;
    }
  }

  /** Go's rendering of an item in "unexpected X" messages. */
  @Override
  public String toString() {
    if (type == Type.EOF) {
      return "EOF";
    }
    if (type == Type.ERROR) {
      return val;
    }
    if (type.isKeyword()) {
      return "<" + val + ">";
    }
    if (val.codePointCount(0, val.length()) > 10) {
      return GoFormat.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
    }
    return GoFormat.quote(val);
  }
}
