package dev.wharf.template;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Go's literal syntax: {@code strconv.Unquote}, {@code UnquoteChar} and number constants. */
final class Literals {

  private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Literals() {}

  /**
   * The value of a number or character token: a {@link Long}, a {@link Double}, or a {@link
   * BigInteger} for an unsigned constant that overflows int (an error only when executed).
   */
  static Object number(Token token) {
    String text = token.val();
    if (token.type() == Token.Type.CHAR_CONSTANT) {
      int[] rest = new int[1];
      int rune = unquoteChar(text, 1, '\'', rest, null);
      if (rest[0] != text.length() - 1) {
        throw new IllegalArgumentException("malformed character constant: " + text);
      }
      return (long) rune;
    }
    if (text.endsWith("i")) {
      throw new IllegalArgumentException("illegal number syntax: " + GoFormat.quote(text));
    }
    BigInteger integer = parseInteger(text);
    boolean isInt =
        integer != null && integer.compareTo(INT64_MIN) >= 0 && integer.compareTo(INT64_MAX) <= 0;
    boolean isUint = integer != null && integer.signum() >= 0 && integer.compareTo(UINT64_MAX) <= 0;
    boolean looksFloat = containsAny(text, ".eEpP") && !isHexInt(text);
    if (integer == null || (!isInt && !isUint)) {
      Double f = parseFloat(text);
      if (f == null) {
        throw new IllegalArgumentException("illegal number syntax: " + GoFormat.quote(text));
      }
      if (!containsAny(text, ".eEpP")) {
        throw new IllegalArgumentException("integer overflow: " + GoFormat.quote(text));
      }
      if (looksFloat) {
        return f;
      }
      throw new IllegalArgumentException("illegal number syntax: " + GoFormat.quote(text));
    }
    if (looksFloat) {
      return integer.doubleValue();
    }
    return isInt ? (Object) integer.longValue() : integer;
  }

  private static boolean isHexInt(String s) {
    return s.length() > 2
        && s.charAt(0) == '0'
        && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
        && !containsAny(s, "pP");
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code strconv.ParseInt(s, 0, ...)} without the range check; null when malformed. */
  private static BigInteger parseInteger(String text) {
    if (!underscoreOk(text)) {
      return null;
    }
    String s = text.replace("_", "");
    boolean negative = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int radix = 10;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char b = Character.toLowerCase(s.charAt(1));
      if (b == 'x' || b == 'o' || b == 'b') {
        radix = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        s = s.substring(2);
      } else {
        radix = 8;
        s = s.substring(1);
      }
    }
    if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
      return null;
    }
    try {
      BigInteger v = new BigInteger(s, radix);
      return negative ? v.negate() : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double parseFloat(String text) {
    if (!underscoreOk(text)) {
      return null;
    }
    String s = text.replace("_", "");
    String body = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    boolean hex = body.startsWith("0x") || body.startsWith("0X");
    if (hex ? !containsAny(body, "pP") : containsAny(body, "xXpP")) {
      return null;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isInfinite(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean underscoreOk(String text) {
    String s = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    char saw = '^';
    int i = 0;
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "bBoOxX".indexOf(s.charAt(1)) >= 0) {
      i = 2;
      saw = '0';
      hex = s.charAt(1) == 'x' || s.charAt(1) == 'X';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
        saw = '0';
        continue;
      }
      if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
        continue;
      }
      if (saw == '_') {
        return false;
      }
      saw = '!';
    }
    return saw != '_';
  }

  /** {@code strconv.Unquote} for interpreted and raw string literals. */
  static String unquote(String quoted) {
    if (quoted.length() < 2) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char q = quoted.charAt(0);
    if (q == '`') {
      return quoted.substring(1, quoted.length() - 1).replace("\r", "");
    }
    if (q != '"' || quoted.charAt(quoted.length() - 1) != '"') {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (quoted.indexOf('\\') < 0) {
      return quoted.substring(1, quoted.length() - 1);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] rest = {1};
    int end = quoted.length() - 1;
    while (rest[0] < end) {
      int before = rest[0];
      int rune = unquoteChar(quoted, before, '"', rest, bytes);
      if (rest[0] > end) {
        throw new IllegalArgumentException("invalid syntax");
      }
      if (rune >= 0) {
        bytes.writeBytes(new String(Character.toChars(rune)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Decodes one character at {@code at}; sets {@code rest[0]} to the index after it. A byte escape
   * ({@code \x}, octal) inside a string is written to {@code bytes} and -1 returned.
   */
  private static int unquoteChar(
      String s, int at, char quote, int[] rest, ByteArrayOutputStream bytes) {
    if (at >= s.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char c = s.charAt(at);
    if (c == quote) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (c != '\\') {
      int cp = s.codePointAt(at);
      rest[0] = at + Character.charCount(cp);
      return cp;
    }
    if (at + 1 >= s.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char e = s.charAt(at + 1);
    rest[0] = at + 2;
    switch (e) {
      case 'a':
        return 7;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'v':
        return 11;
      case '\\':
        return '\\';
      case '\'':
      case '"':
        if (e != quote) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return e;
      case 'x':
      case 'u':
      case 'U':
        {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          int v = hexValue(s, at + 2, n);
          rest[0] = at + 2 + n;
          if (e == 'x') {
            return byteRune(v, bytes);
          }
          if (v < 0 || v > Character.MAX_CODE_POINT || (v >= 0xD800 && v < 0xE000)) {
            throw new IllegalArgumentException("invalid syntax");
          }
          return v;
        }
      default:
        if (e >= '0' && e <= '7') {
          int v = 0;
          for (int j = 0; j < 3; j++) {
            int i = at + 1 + j;
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '7') {
              throw new IllegalArgumentException("invalid syntax");
            }
            v = v * 8 + (s.charAt(i) - '0');
          }
          if (v > 255) {
            throw new IllegalArgumentException("invalid syntax");
          }
          rest[0] = at + 4;
          return byteRune(v, bytes);
        }
        throw new IllegalArgumentException("invalid syntax");
    }
  }

  private static int byteRune(int v, ByteArrayOutputStream bytes) {
    if (bytes == null) {
      return v;
    }
    bytes.write(v);
    return -1;
  }

  private static int hexValue(String s, int from, int n) {
    if (from + n > s.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    int v = 0;
    for (int i = from; i < from + n; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      v = v * 16 + d;
    }
    return v;
  }
}
