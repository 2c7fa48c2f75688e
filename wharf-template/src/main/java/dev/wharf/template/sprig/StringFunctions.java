package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.integer;
import static dev.wharf.template.sprig.Args.str;
import static dev.wharf.template.sprig.Args.strval;

import dev.wharf.template.Template;
import dev.wharf.template.TemplateFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Sprig's string functions ({@code strings.go} and the string entries of {@code functions.go}). */
final class StringFunctions {

  private StringFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("hello", fn(0, a -> "Hello!"));
    m.put("abbrev", fn(2, a -> abbrev(str(a, 1), (int) integer(a, 0))));
    m.put(
        "abbrevboth", fn(3, a -> abbrevBoth(str(a, 2), (int) integer(a, 0), (int) integer(a, 1))));
    m.put("trunc", fn(2, a -> trunc((int) integer(a, 0), str(a, 1))));
    m.put("trim", fn(1, a -> goTrimSpace(str(a, 0))));
    m.put("upper", fn(1, a -> str(a, 0).toUpperCase(java.util.Locale.ROOT)));
    m.put("lower", fn(1, a -> str(a, 0).toLowerCase(java.util.Locale.ROOT)));
    m.put("title", fn(1, a -> title(str(a, 0))));
    m.put("untitle", fn(1, a -> untitle(str(a, 0))));
    m.put("substr", fn(3, a -> substr((int) integer(a, 0), (int) integer(a, 1), str(a, 2))));
    m.put("repeat", fn(2, a -> repeat(str(a, 1), integer(a, 0))));
    TemplateFunction trimAll = fn(2, a -> trimChars(str(a, 1), str(a, 0)));
    m.put("trimall", trimAll);
    m.put("trimAll", trimAll);
    m.put("trimSuffix", fn(2, a -> trimSuffix(str(a, 1), str(a, 0))));
    m.put("trimPrefix", fn(2, a -> trimPrefix(str(a, 1), str(a, 0))));
    m.put("nospace", fn(1, a -> str(a, 0).replaceAll("\\s", "")));
    m.put("initials", fn(1, a -> initials(str(a, 0))));
    m.put("swapcase", fn(1, a -> swapCase(str(a, 0))));
    m.put("contains", fn(2, a -> str(a, 1).contains(str(a, 0))));
    m.put("hasPrefix", fn(2, a -> str(a, 1).startsWith(str(a, 0))));
    m.put("hasSuffix", fn(2, a -> str(a, 1).endsWith(str(a, 0))));
    m.put("quote", fn(0, -1, a -> quote(a, true)));
    m.put("squote", fn(0, -1, a -> quote(a, false)));
    m.put("cat", fn(0, -1, StringFunctions::cat));
    m.put("indent", fn(2, a -> indent((int) integer(a, 0), str(a, 1))));
    m.put("nindent", fn(2, a -> "\n" + indent((int) integer(a, 0), str(a, 1))));
    m.put("replace", fn(3, a -> str(a, 2).replace(str(a, 0), str(a, 1))));
    m.put("plural", fn(3, a -> integer(a, 2) == 1 ? str(a, 0) : str(a, 1)));
    m.put("split", fn(2, a -> indexed(goSplit(str(a, 1), str(a, 0), -1))));
    m.put("splitList", fn(2, a -> new ArrayList<Object>(goSplit(str(a, 1), str(a, 0), -1))));
    m.put("splitn", fn(3, a -> indexed(goSplit(str(a, 2), str(a, 0), (int) integer(a, 1)))));
    m.put("toStrings", fn(1, a -> new ArrayList<Object>(Args.strslice(a.get(0)))));
    m.put("join", fn(2, a -> String.join(str(a, 0), Args.strslice(a.get(1)))));
    m.put("sortAlpha", fn(1, StringFunctions::sortAlpha));
    m.put("toString", fn(1, a -> strval(a.get(0))));
  }

  private static String repeat(String s, long count) {
    if (count < 0) {
      throw new IllegalArgumentException("strings: negative Repeat count");
    }
    if (count > 0 && s.length() * count > Template.MAX_STRING_CHARS) {
      throw new IllegalArgumentException(
          "the result would be longer than "
              + Template.MAX_STRING_CHARS
              + " characters, the limit of a template value");
    }
    return s.repeat((int) count);
  }

  static String trunc(int c, String s) {
    if (c < 0 && s.length() + c > 0) {
      return s.substring(s.length() + c);
    }
    if (c >= 0 && s.length() > c) {
      return s.substring(0, c);
    }
    return s;
  }

  static String abbrev(String s, int width) {
    if (width < 4 || s.length() <= width) {
      return s;
    }
    return s.substring(0, width - 3) + "...";
  }

  /** goutils' {@code AbbreviateFull}, which Sprig calls with (offset, width). */
  static String abbrevBoth(String s, int offset, int width) {
    if (width < 4 || s.length() <= width) {
      return s;
    }
    int off = Math.min(offset, s.length());
    if (s.length() - off < width - 3) {
      off = s.length() - (width - 3);
    }
    if (off <= 4) {
      return s.substring(0, width - 3) + "...";
    }
    if (width < 7) {
      return s;
    }
    if (off + width - 3 < s.length()) {
      return "..." + abbrev(s.substring(off), width - 3);
    }
    return "..." + s.substring(s.length() - (width - 3));
  }

  static String goTrimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isGoSpace(char c) {
    return c == ' '
        || (c >= '\t' && c <= '\r')
        || c == 0x85
        || c == 0xA0
        || Character.isSpaceChar(c);
  }

  /** Go's {@code strings.Title}: upper-cases the first letter of each word. */
  static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean separated = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(separated ? Character.toTitleCase(c) : c);
      separated = !(Character.isLetterOrDigit(c) || c == '_');
    }
    return out.toString();
  }

  /** goutils' {@code Uncapitalize}: lower-cases the first letter of each whitespace word. */
  static String untitle(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean separated = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(separated ? Character.toLowerCase(c) : c);
      separated = Character.isWhitespace(c);
    }
    return out.toString();
  }

  static String substr(int start, int end, String s) {
    if (start < 0) {
      return s.substring(0, Math.min(end, s.length()));
    }
    if (end < 0 || end > s.length()) {
      return s.substring(Math.min(start, s.length()));
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.Trim}: removes leading and trailing characters in {@code cutset}. */
  static String trimChars(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  static String trimPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  static String initials(String s) {
    StringBuilder out = new StringBuilder();
    boolean separated = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        separated = true;
      } else if (separated) {
        out.append(c);
        separated = false;
      }
    }
    return out.toString();
  }

  static String swapCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
        out.append(Character.toLowerCase(c));
      } else if (Character.isLowerCase(c)) {
        out.append(Character.toUpperCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String quote(List<Object> args, boolean dbl) {
    List<String> out = new ArrayList<>();
    for (Object a : args) {
      if (a != null) {
        out.add(dbl ? goQuote(strval(a)) : "'" + strval(a) + "'");
      }
    }
    return String.join(" ", out);
  }

  /** Go's {@code %q} of a string ({@code strconv.Quote}). */
  static String goQuote(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case 11 -> out.append("\\v");
                default -> {
                  if (cp < 0x20 || cp == 0x7f) {
                    out.append(String.format("\\x%02x", cp));
                  } else if (Character.isISOControl(cp) || cp == 0xFFFD) {
                    out.append(
                        cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                  } else {
                    out.appendCodePoint(cp);
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  private static String cat(List<Object> args) {
    StringJoiner out = new StringJoiner(" ");
    for (Object a : args) {
      if (a != null) {
        out.add(dev.wharf.template.GoValues.sprint(a));
      }
    }
    return out.toString();
  }

  static String indent(int spaces, String s) {
    String pad = " ".repeat(Math.max(0, spaces));
    return pad + s.replace("\n", "\n" + pad);
  }

  /** Go's {@code strings.SplitN} ({@code n} &lt; 0: all pieces). */
  static List<String> goSplit(String s, String sep, int n) {
    List<String> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    if (sep.isEmpty()) {
      int[] cps = s.codePoints().toArray();
      for (int i = 0; i < cps.length; i++) {
        if (n > 0 && out.size() == n - 1) {
          out.add(new String(cps, i, cps.length - i));
          return out;
        }
        out.add(new String(cps, i, 1));
      }
      return out;
    }
    int from = 0;
    while (n < 0 || out.size() < n - 1) {
      int at = s.indexOf(sep, from);
      if (at < 0) {
        break;
      }
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static Map<String, Object> indexed(List<String> parts) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      out.put("_" + i, parts.get(i));
    }
    return out;
  }

  private static Object sortAlpha(List<Object> a) {
    Object v = a.get(0);
    List<String> out = Args.isList(v) ? Args.strslice(v) : List.of(strval(v));
    List<Object> sorted = new ArrayList<>(out);
    sorted.sort((x, y) -> ((String) x).compareTo((String) y));
    return sorted;
  }
}
