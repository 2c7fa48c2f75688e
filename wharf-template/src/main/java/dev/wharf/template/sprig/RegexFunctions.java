package dev.wharf.template.sprig;

import static dev.wharf.template.sprig.Args.fn;
import static dev.wharf.template.sprig.Args.integer;
import static dev.wharf.template.sprig.Args.str;

import dev.wharf.template.TemplateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Sprig's regular expression functions ({@code regex.go}) with Go's matching rules. */
final class RegexFunctions {

  private RegexFunctions() {}

  static void register(Map<String, TemplateFunction> m) {
    m.put("regexMatch", fn(2, a -> matches(str(a, 0), str(a, 1))));
    m.put("regexFindAll", fn(3, a -> findAll(compile(str(a, 0)), str(a, 1), (int) integer(a, 2))));
    m.put("regexFind", fn(2, a -> find(compile(str(a, 0)), str(a, 1))));
    m.put("regexReplaceAll", fn(3, a -> replace(compile(str(a, 0)), str(a, 1), str(a, 2), false)));
    m.put(
        "regexReplaceAllLiteral",
        fn(3, a -> replace(compile(str(a, 0)), str(a, 1), str(a, 2), true)));
    m.put("regexSplit", fn(3, a -> split(compile(str(a, 0)), str(a, 1), (int) integer(a, 2))));
  }

  /** Compiles Go RE2 syntax; named groups {@code (?P<n>…)} become Java's {@code (?<n>…)}. */
  static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex.replace("(?P<", "(?<"));
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "regexp: Compile(" + StringFunctions.goQuote(regex) + "): " + e.getDescription());
    }
  }

  private static boolean matches(String regex, String s) {
    try {
      return compile(regex).matcher(s).find();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group() : "";
  }

  /** Match spans as Go's {@code FindAll}: an empty match right after a match is skipped. */
  private static List<int[]> spans(Pattern p, String s, int n) {
    List<int[]> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    int prevEnd = -1;
    while ((n < 0 || out.size() < n) && m.find()) {
      if (m.start() == m.end() && m.start() == prevEnd) {
        continue;
      }
      out.add(new int[] {m.start(), m.end()});
      prevEnd = m.end();
    }
    return out;
  }

  private static List<Object> findAll(Pattern p, String s, int n) {
    List<Object> out = new ArrayList<>();
    for (int[] span : spans(p, s, n)) {
      out.add(s.substring(span[0], span[1]));
    }
    return out;
  }

  private static List<Object> split(Pattern p, String s, int n) {
    List<Object> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    if (!p.pattern().isEmpty() && s.isEmpty()) {
      out.add("");
      return out;
    }
    int beg = 0;
    int end = 0;
    for (int[] span : spans(p, s, n)) {
      if (n > 0 && out.size() == n - 1) {
        break;
      }
      end = span[0];
      if (span[1] != 0) {
        out.add(s.substring(beg, end));
      }
      beg = span[1];
    }
    if (end != s.length()) {
      out.add(s.substring(beg));
    }
    return out;
  }

  private static String replace(Pattern p, String s, String repl, boolean literal) {
    StringBuilder out = new StringBuilder();
    Matcher m = p.matcher(s);
    int last = 0;
    int prevEnd = -1;
    while (m.find()) {
      if (m.start() == m.end() && m.start() == prevEnd) {
        continue;
      }
      out.append(s, last, m.start());
      out.append(literal ? repl : expand(m, repl));
      last = m.end();
      prevEnd = m.end();
    }
    return out.append(s.substring(last)).toString();
  }

  /** Go's {@code Regexp.Expand}: {@code $1}, {@code ${1}}, {@code $name}, {@code $$}. */
  static String expand(Matcher m, String template) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < template.length() && template.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      int nameStart = i + 1;
      int nameEnd;
      int next;
      if (nameStart < template.length() && template.charAt(nameStart) == '{') {
        nameStart++;
        nameEnd = template.indexOf('}', nameStart);
        next = nameEnd + 1;
        if (nameEnd < 0 || !isName(template.substring(nameStart, nameEnd))) {
          out.append('$');
          i++;
          continue;
        }
      } else {
        nameEnd = nameStart;
        while (nameEnd < template.length() && isWordChar(template.charAt(nameEnd))) {
          nameEnd++;
        }
        next = nameEnd;
        if (nameEnd == nameStart) {
          out.append('$');
          i++;
          continue;
        }
      }
      out.append(group(m, template.substring(nameStart, nameEnd)));
      i = next;
    }
    return out.toString();
  }

  private static boolean isName(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> isWordChar((char) c));
  }

  private static boolean isWordChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  private static String group(Matcher m, String name) {
    try {
      String g;
      if (name.chars().allMatch(Character::isDigit)) {
        int n = name.length() > 8 ? -1 : Integer.parseInt(name);
        g = n >= 0 && n <= m.groupCount() ? m.group(n) : null;
      } else {
        g = m.group(name);
      }
      return g == null ? "" : g;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
