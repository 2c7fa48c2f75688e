package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.integer;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.TemplateFunction;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Sprig's word-level functions: case styles, wrapping, shuffling and random strings. */
final class WordFunctions {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private WordFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("snakecase", fn(1, a -> toLowerWords(str(a, 0), '_')));
    m.put("kebabcase", fn(1, a -> toLowerWords(str(a, 0), '-')));
    m.put("camelcase", fn(1, a -> camelCase(str(a, 0))));
    m.put("wrap", fn(2, a -> wrap(str(a, 1), (int) integer(a, 0), "\n", false)));
    m.put("wrapWith", fn(3, a -> wrap(str(a, 2), (int) integer(a, 0), str(a, 1), true)));
    m.put("shuffle", fn(1, a -> shuffle(str(a, 0))));
    m.put("randAlphaNum", fn(1, a -> random((int) integer(a, 0), LETTERS + DIGITS)));
    m.put("randAlpha", fn(1, a -> random((int) integer(a, 0), LETTERS)));
    m.put("randNumeric", fn(1, a -> random((int) integer(a, 0), DIGITS)));
    m.put("randAscii", fn(1, a -> randomAscii((int) integer(a, 0))));
  }

  private static boolean isConnector(int c) {
    return c == '-' || c == '_' || c == ' ';
  }

  /**
   * xstrings' {@code ToSnakeCase} (and its kebab twin): a connector before each upper-case word, a
   * run of capitals kept as one abbreviation ({@code HTTPServer} → {@code http_server}), spaces and
   * hyphens turned into the connector.
   */
  static String toLowerWords(String s, char connector) {
    StringBuilder out = new StringBuilder();
    int[] cps = s.codePoints().toArray();
    int n = cps.length;
    int i = 0;
    int r0 = connector;
    while (i < n) {
      int prev = r0;
      r0 = cps[i++];
      if (!Character.isUpperCase(r0)) {
        r0 = isConnector(r0) ? connector : r0;
        out.appendCodePoint(r0);
        continue;
      }
      if (prev != connector) {
        out.append(connector);
      }
      out.appendCodePoint(Character.toLowerCase(r0));
      if (i == n) {
        break;
      }
      r0 = cps[i++];
      if (!Character.isUpperCase(r0)) {
        out.appendCodePoint(r0);
        continue;
      }
      // Capitals in a row: all but the last form the abbreviation, the last starts a new word.
      while (i < n) {
        int r1 = r0;
        r0 = cps[i++];
        if (!Character.isUpperCase(r0)) {
          if (isConnector(r0)) {
            r0 = connector;
            out.appendCodePoint(Character.toLowerCase(r1));
          } else {
            out.append(connector).appendCodePoint(Character.toLowerCase(r1)).appendCodePoint(r0);
          }
          break;
        }
        out.appendCodePoint(Character.toLowerCase(r1));
      }
      if (i == n || r0 == connector) {
        out.appendCodePoint(Character.toLowerCase(r0));
      }
    }
    return out.toString();
  }

  /**
   * xstrings' {@code ToCamelCase}: the letter after an underscore upper-cased and the underscore
   * dropped, except leading underscores and the first of a double underscore.
   */
  static String camelCase(String s) {
    StringBuilder out = new StringBuilder();
    int[] cps = s.codePoints().toArray();
    int i = 0;
    while (i < cps.length && cps[i] == '_') {
      out.append('_');
      i++;
    }
    if (i == cps.length) {
      return out.toString();
    }
    out.appendCodePoint(Character.toUpperCase(cps[i++]));
    if (i == cps.length) {
      return out.toString();
    }
    int r0 = cps[i++];
    while (i < cps.length) {
      int r1 = r0;
      r0 = cps[i++];
      if (r1 == '_' && r0 != '_') {
        r0 = Character.toUpperCase(r0);
      } else {
        out.appendCodePoint(r1);
      }
    }
    return out.appendCodePoint(r0).toString();
  }

  /** goutils' {@code WrapCustom} (commons-lang {@code WordUtils.wrap}). */
  static String wrap(String s, int width, String newline, boolean wrapLongWords) {
    if (s.isEmpty()) {
      return "";
    }
    String nl = newline.isEmpty() ? "\n" : newline;
    int w = Math.max(1, width);
    int len = s.length();
    int offset = 0;
    StringBuilder out = new StringBuilder();
    while (len - offset > w) {
      if (s.charAt(offset) == ' ') {
        offset++;
        continue;
      }
      int spaceAt = s.substring(offset, w + offset + 1).lastIndexOf(' ') + offset;
      if (spaceAt >= offset) {
        out.append(s, offset, spaceAt).append(nl);
        offset = spaceAt + 1;
      } else if (wrapLongWords) {
        out.append(s, offset, w + offset).append(nl);
        offset += w;
      } else {
        int end = w + offset;
        int index = s.indexOf(' ', end);
        if (index < 0) {
          out.append(s, offset, len);
          offset = len;
        } else {
          out.append(s, offset, index).append(nl);
          offset = index + 1;
        }
      }
    }
    return out.append(s.substring(offset)).toString();
  }

  static String shuffle(String s) {
    List<Integer> cps = new ArrayList<>();
    s.codePoints().forEach(cps::add);
    Collections.shuffle(cps, RANDOM);
    StringBuilder out = new StringBuilder();
    cps.forEach(out::appendCodePoint);
    return out.toString();
  }

  private static String random(int count, String alphabet) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String randomAscii(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append((char) (32 + RANDOM.nextInt(95)));
    }
    return out.toString();
  }
}
