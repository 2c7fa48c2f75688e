package dev.wharf.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Go's predefined template functions ({@code text/template/funcs.go}). */
final class Builtins {

  /** Short-circuit evaluation is done by the executor; these bodies only see evaluated values. */
  static final TemplateFunction AND = TemplateFunction.of(1, -1, a -> decide(a, false));

  static final TemplateFunction OR = TemplateFunction.of(1, -1, a -> decide(a, true));

  static final Map<String, TemplateFunction> ALL = builtins();

  private Builtins() {}

  private static Map<String, TemplateFunction> builtins() {
    Map<String, TemplateFunction> m = new HashMap<>();
    m.put("and", AND);
    m.put("or", OR);
    m.put("call", TemplateFunction.of(1, -1, Builtins::call));
    m.put("not", TemplateFunction.of(1, a -> !GoValues.isTrue(a.get(0))));
    m.put("len", TemplateFunction.of(1, a -> length(a.get(0))));
    m.put(
        "index", TemplateFunction.of(1, -1, a -> Indexing.index(a.get(0), a.subList(1, a.size()))));
    m.put(
        "slice", TemplateFunction.of(1, -1, a -> Indexing.slice(a.get(0), a.subList(1, a.size()))));
    m.put("print", TemplateFunction.of(0, -1, GoFormat::sprint));
    m.put("println", TemplateFunction.of(0, -1, GoFormat::sprintln));
    m.put(
        "printf",
        TemplateFunction.typed(List.of("string", "interface {}"), 1, -1, Builtins::printf));
    m.put("html", TemplateFunction.of(0, -1, a -> htmlEscape(evalArgs(a))));
    m.put("js", TemplateFunction.of(0, -1, a -> jsEscape(evalArgs(a))));
    m.put("urlquery", TemplateFunction.of(0, -1, a -> queryEscape(evalArgs(a))));
    m.put("eq", TemplateFunction.of(1, -1, a -> Comparison.eq(a.get(0), a.subList(1, a.size()))));
    m.put("ne", TemplateFunction.of(2, a -> !Comparison.eq(a.get(0), a.subList(1, 2))));
    m.put("lt", TemplateFunction.of(2, a -> Comparison.lt(a.get(0), a.get(1))));
    m.put("le", TemplateFunction.of(2, a -> Comparison.le(a.get(0), a.get(1))));
    m.put("gt", TemplateFunction.of(2, a -> !Comparison.le(a.get(0), a.get(1))));
    m.put("ge", TemplateFunction.of(2, a -> !Comparison.lt(a.get(0), a.get(1))));
    return Map.copyOf(m);
  }

  private static Object decide(List<Object> args, boolean or) {
    for (Object a : args) {
      if (GoValues.isTrue(a) == or) {
        return a;
      }
    }
    return args.get(args.size() - 1);
  }

  private static Object call(List<Object> args) {
    Object fn = args.get(0);
    if (fn == null) {
      throw new GoError("call of nil");
    }
    if (!(fn instanceof TemplateFunction f)) {
      throw new GoError("non-function of type " + GoFormat.typeName(fn));
    }
    List<Object> rest = args.subList(1, args.size());
    if (f.maxArgs() < 0 && rest.size() < f.minArgs()) {
      throw new GoError(
          "wrong number of args: got " + rest.size() + " want at least " + f.minArgs());
    }
    if (f.maxArgs() >= 0 && (rest.size() < f.minArgs() || rest.size() > f.maxArgs())) {
      throw new GoError("wrong number of args: got " + rest.size() + " want " + f.maxArgs());
    }
    return f.call(rest);
  }

  private static Object printf(List<Object> args) {
    if (!(args.get(0) instanceof String format)) {
      throw new GoError(
          "wrong type for value; expected string; got " + GoFormat.typeName(args.get(0)));
    }
    return GoFormat.sprintf(format, args.subList(1, args.size()));
  }

  private static long length(Object item) {
    if (item == null) {
      throw new GoError("len of nil pointer");
    }
    if (item instanceof String s) {
      return utf8Length(s);
    }
    if (item instanceof Map<?, ?> m) {
      return m.size();
    }
    if (item instanceof Collection<?> l) {
      return l.size();
    }
    if (item.getClass().isArray()) {
      return java.lang.reflect.Array.getLength(item);
    }
    throw new GoError("len of type " + GoFormat.typeName(item));
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /**
   * Go's evalArgs: a lone string argument as is, anything else through Sprint after turning nil
   * into {@code <no value>} as the executor prints it.
   */
  private static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    List<Object> printable = new ArrayList<>(args);
    printable.replaceAll(a -> a == null ? "<no value>" : a);
    return GoFormat.sprint(printable);
  }

  static String htmlEscape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case 0 -> b.append('\uFFFD');
        case '"' -> b.append("&#34;");
        case '\'' -> b.append("&#39;");
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String jsEscape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> b.append("\\\\");
        case '\'' -> b.append("\\'");
        case '"' -> b.append("\\\"");
        case '<' -> b.append("\\u003C");
        case '>' -> b.append("\\u003E");
        case '&' -> b.append("\\u0026");
        case '=' -> b.append("\\u003D");
        default -> {
          if (cp < ' ') {
            b.append(String.format("\\u00%02X", cp));
          } else if (cp < 0x80 || GoFormat.isPrint(cp)) {
            b.appendCodePoint(cp);
          } else {
            b.append(String.format("\\u%04X", cp));
          }
        }
      }
    }
    return b.toString();
  }

  static String queryEscape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%')
            .append("0123456789ABCDEF".charAt(c >> 4))
            .append("0123456789ABCDEF".charAt(c & 15));
      }
    }
    return b.toString();
  }
}
