package dev.wharf.task.docker;

import java.util.Map;

/**
 * Expands one Dockerfile word as BuildKit's shell lexer does: quotes removed, the escape character
 * honoured, {@code $V}, {@code ${V}}, {@code ${V:-d}}, {@code ${V-d}}, {@code ${V:+a}}, {@code
 * ${V+a}}, {@code ${V:?m}} and {@code ${V?m}}; a variable absent from the map is unset.
 */
final class WordExpansion {
  /** Deeper nesting than this is refused rather than risking the stack. */
  private static final int MAX_DEPTH = 64;

  private final String text;
  private final Map<String, String> variables;
  private final char escape;
  private int pos;

  private WordExpansion(String text, Map<String, String> variables, char escape) {
    this.text = text;
    this.variables = variables;
    this.escape = escape;
  }

  static String expand(String word, Map<String, String> variables, char escape)
      throws DockerParseException {
    WordExpansion expansion = new WordExpansion(word, variables, escape);
    return expansion.until((char) 0, 0);
  }

  /** Reads up to an unquoted {@code stop} (consumed) or the end when {@code stop} is 0. */
  private String until(char stop, int depth) throws DockerParseException {
    if (depth > MAX_DEPTH) {
      throw error("variable substitutions are nested too deeply");
    }
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (stop != 0 && c == stop) {
        pos++;
        return out.toString();
      }
      pos++;
      if (c == '\'') {
        int end = text.indexOf('\'', pos);
        if (end < 0) {
          throw error("unexpected end of statement while looking for matching single-quote");
        }
        out.append(text, pos, end);
        pos = end + 1;
      } else if (c == '"') {
        doubleQuoted(out, depth);
      } else if (c == '$') {
        out.append(dollar(depth));
      } else if (c == escape) {
        if (pos < text.length()) {
          out.append(text.charAt(pos++));
        } else {
          out.append(c);
        }
      } else {
        out.append(c);
      }
    }
    if (stop != 0) {
      throw error("missing '" + stop + "'");
    }
    return out.toString();
  }

  private void doubleQuoted(StringBuilder out, int depth) throws DockerParseException {
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return;
      }
      if (c == '$') {
        out.append(dollar(depth));
      } else if (c == escape && pos < text.length()) {
        char next = text.charAt(pos);
        if (next == '"' || next == '$' || next == escape) {
          out.append(next);
          pos++;
        } else {
          out.append(c);
        }
      } else {
        out.append(c);
      }
    }
    throw error("unexpected end of statement while looking for matching double-quote");
  }

  /** Expands what follows a {@code $}. */
  private String dollar(int depth) throws DockerParseException {
    if (pos < text.length() && text.charAt(pos) == '{') {
      pos++;
      return braced(depth);
    }
    String name = name();
    if (name.isEmpty()) {
      return "$";
    }
    String value = variables.get(name);
    return value == null ? "" : value;
  }

  private String braced(int depth) throws DockerParseException {
    String name = name();
    if (pos >= text.length()) {
      throw error("missing '}'");
    }
    if (name.isEmpty()) {
      throw error("bad substitution");
    }
    char c = text.charAt(pos++);
    String value = variables.get(name);
    if (c == '}') {
      return value == null ? "" : value;
    }
    boolean colon = c == ':';
    if (colon) {
      if (pos >= text.length()) {
        throw error("missing '}'");
      }
      c = text.charAt(pos++);
    }
    boolean unset = value == null || (colon && value.isEmpty());
    switch (c) {
      case '-':
        {
          String word = until('}', depth + 1);
          return unset ? word : value;
        }
      case '+':
        {
          String word = until('}', depth + 1);
          return unset ? "" : word;
        }
      case '?':
        {
          String message = until('}', depth + 1);
          if (unset) {
            throw error(name + ": " + (message.isEmpty() ? "is not allowed to be empty" : message));
          }
          return value;
        }
      default:
        throw error("unsupported modifier (" + c + ") in substitution");
    }
  }

  /** A variable name, {@code [A-Za-z0-9_]+}, or a single digit (a positional parameter). */
  private String name() {
    int start = pos;
    if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
      return text.substring(start, pos);
    }
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private DockerParseException error(String problem) {
    return new DockerParseException(problem + " in: " + text);
  }
}
