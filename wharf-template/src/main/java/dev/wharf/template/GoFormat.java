package dev.wharf.template;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} printing of template values: {@code Sprint}, {@code Sprintln}, {@code Sprintf}
 * with Go's verbs, flags and {@code %!verb(type=value)} mistakes, plus {@code strconv.Quote}.
 */
public final class GoFormat {

  private GoFormat() {}

  /** Go's {@code fmt.Sprint}: spaces between operands when neither is a string. */
  public static String sprint(List<?> args) {
    Printer p = new Printer();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !prevString) {
        p.out.append(' ');
      }
      p.printArg(arg, 'v');
      prevString = isString;
    }
    return p.out.toString();
  }

  /** Go's {@code fmt.Sprintln}: operands separated by spaces, then a newline. */
  public static String sprintln(List<?> args) {
    Printer p = new Printer();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        p.out.append(' ');
      }
      p.printArg(args.get(i), 'v');
    }
    return p.out.append('\n').toString();
  }

  /** Go's {@code fmt.Sprintf}. */
  public static String sprintf(String format, List<?> args) {
    Printer p = new Printer();
    new Printf(p).format(format, args);
    return p.out.toString();
  }

  /** Go's {@code strconv.Quote}. */
  public static String quote(String s) {
    return quoteWith(s, '"', false);
  }

  /** Go's {@code %#U}: {@code U+0041 'A'}. */
  static String unicodeName(int cp) {
    String s = String.format("U+%04X", cp);
    return isPrint(cp) ? s + " '" + new String(Character.toChars(cp)) + "'" : s;
  }

  /** Go's {@code reflect.Type.String()} of a value in the template value model. */
  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Double || v instanceof Float) {
      return "float64";
    }
    if (v instanceof Number) {
      return "int";
    }
    if (v instanceof Map<?, ?>) {
      return "map[string]interface {}";
    }
    if (v instanceof Collection<?> || v.getClass().isArray()) {
      return "[]interface {}";
    }
    if (v instanceof TemplateFunction) {
      return "func(...interface {}) (interface {}, error)";
    }
    return "main." + v.getClass().getSimpleName();
  }

  static String quoteWith(String s, char quote, boolean asciiOnly) {
    StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendQuotedRune(b, cp, quote, asciiOnly);
    }
    return b.append(quote).toString();
  }

  static void appendQuotedRune(StringBuilder b, int cp, char quote, boolean asciiOnly) {
    if (cp == quote || cp == '\\') {
      b.append('\\').appendCodePoint(cp);
      return;
    }
    if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) {
      b.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 7 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 11 -> b.append("\\v");
      default -> {
        if (cp < ' ' || cp == 0x7f) {
          b.append(String.format("\\x%02x", cp));
        } else if (Character.isSurrogate((char) cp) && cp < 0x10000) {
          b.append("\\ufffd");
        } else if (cp < 0x10000) {
          b.append(String.format("\\u%04x", cp));
        } else {
          b.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    if (Character.isSurrogate((char) cp) && cp < 0x10000) {
      return false;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }
}
